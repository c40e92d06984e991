#!/usr/bin/env python3
"""Losing the PostgreSQL primary loses nothing acknowledged. Starts a primary and a synchronous standby of its own on
127.0.0.1 (streaming replication, synchronous_standby_names, synchronous_commit=on, fsync on), two arrearsd on the pair
through one multi-host URL (postgres://…@primary,standby/arrears), and clients filing through both with
Idempotency-Keys, retrying a filing that was not answered (or answered 503) with the same key on either server. Mid-load
the primary is stopped hard (pg_ctl -m immediate: no checkpoint, connections cut) and the standby promoted; the servers
find it themselves. Then every acknowledged filing must be stored exactly once, numbers unique, audit chains intact.
Traffic only to 127.0.0.1; bounded by --seconds.

  python3 Benchmarks/failover-test.py --arrearsd .build/debug/arrearsd                       (CI runs this)
  python3 Benchmarks/failover-test.py --arrearsd .build/release/arrearsd --clients 16 --seconds 20
Exit 0 when nothing was lost or doubled; 1 with the reason otherwise.
"""
import argparse, glob, http.client, json, os, shutil, subprocess, sys, tempfile, threading, time

from acknowledged import free_port, judge, stored_complaints, wait_ready

parser = argparse.ArgumentParser()
parser.add_argument("--arrearsd", required=True)
parser.add_argument("--clients", type=int, default=8)
parser.add_argument("--seconds", type=float, default=8, help="filing load in all; the primary is lost at its middle")
parser.add_argument("--promote-after", type=float, default=1.0, help="seconds between losing the primary and promoting")
args = parser.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
filing = json.load(open(os.path.join(here, "..", "Schemas", "examples", "filing.json")))
arrearsd = os.path.abspath(args.arrearsd)
pgbin = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))[-1]
work = tempfile.mkdtemp(prefix="arrears-failover-")
os.chmod(work, 0o755)
as_root = os.geteuid() == 0


def as_postgres(*command):
    """initdb, pg_ctl and pg_basebackup refuse root: run them as the postgres user when we are root."""
    if as_root:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in command)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def psql(port, sql, database="postgres"):
    return subprocess.run([os.path.join(pgbin, "psql"), "-X", "-q", "-At", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                           "-d", database, "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


primary_dir, standby_dir = os.path.join(work, "primary"), os.path.join(work, "standby")
primary_port, standby_port = free_port(), free_port()
servers = []


def cleanup():
    for server in servers:
        if server.poll() is None:
            server.kill()
    for data in (primary_dir, standby_dir):
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", f"{pgbin}/pg_ctl -D {data} -m immediate -w stop"] if as_root
                           else [f"{pgbin}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True)


def start_postgres(data, port):
    options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={work} -c max_connections=100 "
               "-c fsync=on -c synchronous_commit=on")
    as_postgres(f"{pgbin}/pg_ctl", "-D", data, "-l", data + ".log", "-w", "-o", options, "start")


try:
    if as_root:
        shutil.chown(work, "postgres")
    as_postgres(f"{pgbin}/initdb", "-D", primary_dir, "-U", "postgres", "--auth-local=trust", "--auth-host=trust", "-E", "UTF8",
                "--locale=C.UTF-8")
    with open(os.path.join(primary_dir, "postgresql.conf"), "a") as conf:
        conf.write("wal_level = replica\nmax_wal_senders = 4\n")
    start_postgres(primary_dir, primary_port)
    psql(primary_port, "CREATE DATABASE arrears")
    as_postgres(f"{pgbin}/pg_basebackup", "-h", "127.0.0.1", "-p", str(primary_port), "-U", "postgres", "-D", standby_dir, "-R", "--checkpoint=fast",
                "-X", "stream")
    with open(os.path.join(standby_dir, "postgresql.auto.conf"), "a") as conf:
        conf.write(f"primary_conninfo = 'host=127.0.0.1 port={primary_port} user=postgres application_name=standby1'\n")
    start_postgres(standby_dir, standby_port)
    # From now on a commit is acknowledged only once the standby has flushed it: the standby is the primary's second disk.
    # (Set only now: before a standby is attached, every commit would wait for one.)
    psql(primary_port, "ALTER SYSTEM SET synchronous_standby_names = 'standby1'")
    psql(primary_port, "SELECT pg_reload_conf()")
    deadline = time.time() + 30
    while psql(primary_port, "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'") != "sync":
        if time.time() > deadline:
            raise SystemExit("the standby did not become synchronous")
        time.sleep(0.1)

    database = f"postgres://postgres@127.0.0.1:{primary_port},127.0.0.1:{standby_port}/arrears?sslmode=disable"
    token = subprocess.run([arrearsd, "account", "create", "--database", database, "--role", "sme", "--name", "杭州示例建设有限公司",
                            "--credit-code", "91330100716105852F"], check=True, capture_output=True, text=True, cwd=work).stdout.strip()
    ports = [free_port(), free_port()]
    for port in ports:
        log = open(os.path.join(work, f"arrearsd-{port}.log"), "w")
        servers.append(subprocess.Popen([arrearsd, "serve", "--database", database, "--port", str(port), "--log-level", "warning",
                                         "--submissions-per-minute", "0", "--database-connections", "8"],
                                        stdout=subprocess.DEVNULL, stderr=log, cwd=work))
    for port in ports:
        wait_ready(port, 60, os.path.join(work, f"arrearsd-{port}.log"))

    acknowledged = {}  # Idempotency-Key -> complaint id
    unavailable = [0]  # 503 answers and cut connections, retried
    first_after = [None]  # when the first filing was acknowledged after the standby was promoted
    promoted = [None]
    lock = threading.Lock()
    stopping = threading.Event()

    def client(index):
        sequence = 0
        while not stopping.is_set():
            key = f"failover-{index}-{sequence}"
            body = dict(filing)
            # Distinct amounts: each filing a complaint of its own, never a duplicate of another.
            contract = filing["contracts"][0]
            body["contracts"] = [dict(contract, number=f"FO-{index}-{sequence}", amountOverdue=contract["amountOverdue"] - index * 100_000 - sequence)]
            payload = json.dumps(body).encode()
            attempt = 0
            while True:  # the same key until it is answered, on either server
                port = ports[(index + attempt) % 2]
                attempt += 1
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    c.request("POST", "/v1/complaints", body=payload, headers={
                        "Authorization": "Bearer " + token, "Content-Type": "application/json", "Idempotency-Key": key})
                    response = c.getresponse()
                    answer = response.read()
                    if response.status in (200, 201):
                        with lock:
                            acknowledged[key] = json.loads(answer)["complaint"]["id"]
                            if promoted[0] and not first_after[0]:
                                first_after[0] = time.time()
                        break
                    if response.status != 503:
                        raise SystemExit(f"unexpected answer {response.status}: {answer[:300]!r}")
                except (OSError, http.client.HTTPException):
                    pass
                with lock:
                    unavailable[0] += 1
                time.sleep(0.05)
            sequence += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
    began = time.time()
    for t in threads:
        t.start()
    time.sleep(args.seconds / 2)
    before = len(acknowledged)
    as_postgres(f"{pgbin}/pg_ctl", "-D", primary_dir, "-m", "immediate", "-w", "stop")
    time.sleep(args.promote_after)
    as_postgres(f"{pgbin}/pg_ctl", "-D", standby_dir, "-w", "promote")
    promoted[0] = promoted_at = time.time()
    time.sleep(args.seconds / 2)
    stopping.set()
    for t in threads:
        t.join(timeout=60)
        if t.is_alive():
            raise SystemExit("a client did not finish")

    # What the new primary holds, through the servers as the SME sees it, and in the table itself.
    stored = stored_complaints(ports[1], token)
    rows = int(psql(standby_port, "SELECT count(*) FROM complaints", "arrears"))
    moves = []  # what each server's /metrics says: it moved once
    for port in ports:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.request("GET", "/metrics")
        metrics = c.getresponse().read().decode()
        moves += [line.split()[-1] for line in metrics.splitlines() if line.startswith("arrears_database_primary_moves_total")] or ["none"]
    for server in servers:
        server.terminate()
    for server in servers:
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise SystemExit(f"arrearsd did not stop within 30 s of SIGTERM (work under way never answered?); kept in {work}")

    standby_url = f"postgres://postgres@127.0.0.1:{standby_port}/arrears?sslmode=disable"
    problems, lost, duplicated, verified = judge(acknowledged, stored, arrearsd, standby_url, work)
    if moves != ["1", "1"]:
        problems.append(f"each server's /metrics should count one move of the primary, got {moves}")
    if rows != len(stored):
        problems.append(f"the table holds {rows} complaints, the API lists {len(stored)}")
    if len(acknowledged) == before:
        problems.append("nothing was filed after the failover")
    resumed = f"{first_after[0] - promoted_at:.2f} s after the promotion" if first_after[0] else "never"
    print(f"failover test: {time.time() - began:.1f} s, {args.clients} clients on 2 servers; primary stopped hard after "
          f"{before} acknowledged, standby promoted {args.promote_after:.1f} s later; filings resumed {resumed}; "
          f"{len(acknowledged)} acknowledged, {len(stored)} stored, {len(lost)} lost, {len(duplicated)} duplicated; "
          f"{unavailable[0]} answers retried (503 or connection cut); {verified}")
    if problems:
        print("LOST OR DOUBLED:\n  " + "\n  ".join(problems) + f"\n(kept in {work})")
        sys.exit(1)
    cleanup()
    shutil.rmtree(work, ignore_errors=True)
finally:
    cleanup()
