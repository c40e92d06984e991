#!/usr/bin/env python3
"""Crash safety: SIGKILL arrearsd at random moments under filing load, restart it, and repeat; then check that every
filing the clients saw acknowledged (201, or 200 for a replayed Idempotency-Key) is stored exactly once and that every
audit chain verifies. Clients retry an unanswered filing with the same Idempotency-Key until it is answered, as a real
client would. Traffic only to 127.0.0.1; bounded by --kills.

  python3 Benchmarks/crash-test.py --arrearsd .build/debug/arrearsd --kills 20      (CI runs this)
  python3 Benchmarks/crash-test.py --arrearsd .build/release/arrearsd --kills 500 --clients 16
Exit 0 when nothing was lost or doubled; 1 with the reason otherwise.
"""
import argparse, http.client, json, os, random, signal, subprocess, sys, tempfile, threading, time

from acknowledged import free_port, judge, stored_complaints, wait_ready

parser = argparse.ArgumentParser()
parser.add_argument("--arrearsd", required=True)
parser.add_argument("--kills", type=int, default=20)
parser.add_argument("--clients", type=int, default=8)
parser.add_argument("--min-ms", type=int, default=150, help="shortest run before a kill")
parser.add_argument("--max-ms", type=int, default=700, help="longest run before a kill")
parser.add_argument("--seed", type=int, default=None)
args = parser.parse_args()
rng = random.Random(args.seed)
here = os.path.dirname(os.path.abspath(__file__))
filing = open(os.path.join(here, "..", "Schemas", "examples", "filing.json"), "rb").read()
work = tempfile.mkdtemp(prefix="arrears-crash-")
database = os.path.join(work, "crash.sqlite")
arrearsd = os.path.abspath(args.arrearsd)


port = free_port()
token = subprocess.run(
    [arrearsd, "account", "create", "--database", database, "--role", "sme", "--name", "杭州示例建设有限公司",
     "--credit-code", "91330100716105852F"], check=True, capture_output=True, text=True, cwd=work).stdout.strip()


def start():
    log = open(os.path.join(work, "server.log"), "a")
    server = subprocess.Popen(
        [arrearsd, "serve", "--database", database, "--port", str(port), "--log-level", "error", "--submissions-per-minute", "0"],
        stdout=subprocess.DEVNULL, stderr=log, cwd=work)
    wait_ready(port, 30, os.path.join(work, "server.log"))
    return server


acknowledged = {}  # Idempotency-Key -> (status, complaint id, number)
lock = threading.Lock()
stopping = threading.Event()


def client(index):
    sequence = 0
    while not stopping.is_set():
        key = f"crash-{index}-{sequence}"
        while True:  # the same key until it is answered: a retry after a crash must not file twice
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                c.request("POST", "/v1/complaints", body=filing, headers={
                    "Authorization": "Bearer " + token, "Content-Type": "application/json", "Idempotency-Key": key})
                response = c.getresponse()
                body = response.read()
                if response.status in (200, 201):
                    complaint = json.loads(body)["complaint"]
                    with lock:
                        acknowledged[key] = (response.status, complaint["id"], complaint["number"])
                    break
                if response.status >= 500:
                    raise SystemExit(f"5xx from arrearsd: {response.status} {body[:300]!r}")
                raise SystemExit(f"unexpected answer {response.status}: {body[:300]!r}")
            except (OSError, http.client.HTTPException):
                time.sleep(0.02)  # the server is down or was killed mid-request: try the same key again
        sequence += 1


server = start()
threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
for t in threads:
    t.start()
began = time.time()
for kill in range(args.kills):
    time.sleep(rng.uniform(args.min_ms, args.max_ms) / 1000)
    server.send_signal(signal.SIGKILL)
    server.wait()
    server = start()
time.sleep(0.5)
stopping.set()
for t in threads:
    t.join(timeout=60)
    if t.is_alive():
        raise SystemExit("a client did not finish")

# What the store holds, as the SME sees it: every complaint, by paging the queue.
stored = stored_complaints(port, token)
server.send_signal(signal.SIGTERM)
server.wait()

problems, _, _, verified = judge({k: v[1] for k, v in acknowledged.items()}, stored, arrearsd, database, work)
replays = sum(1 for v in acknowledged.values() if v[0] == 200)
print(f"crash test: {args.kills} SIGKILLs in {time.time() - began:.1f} s, {len(acknowledged)} filings acknowledged "
      f"({replays} answered as replays after a retry), {len(stored)} stored; {verified}")
if problems:
    print("LOST OR DOUBLED:\n  " + "\n  ".join(problems) + f"\n(database kept in {work})")
    sys.exit(1)
subprocess.run(["rm", "-rf", work])
