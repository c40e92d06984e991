"""What the crash and failover tests share: a free loopback port, every complaint an SME's token can list, and the
judgement of acknowledged filings against what is stored (none lost, none doubled, no number twice, chains intact)."""
import http.client, json, socket, subprocess, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port, seconds, log):
    """Returns once arrearsd on port answers /healthz; exits naming its log after `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit("arrearsd did not become ready; see " + log)


def stored_complaints(port, token):
    """Every complaint the token's SME can see, id -> number, by paging the queue."""
    stored, cursor = {}, None
    while True:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.request("GET", "/v1/complaints?limit=200" + (f"&cursor={cursor}" if cursor else ""), headers={"Authorization": "Bearer " + token})
        page = json.loads(c.getresponse().read())
        for item in page["items"]:
            stored[item["id"]] = item["number"]
        cursor = page.get("nextCursor")
        if not cursor:
            return stored


def judge(acknowledged, stored, arrearsd, database, cwd):
    """acknowledged: Idempotency-Key -> complaint id. Returns (problems, lost keys, doubled ids, audit verify's output)."""
    problems = []
    ids = list(acknowledged.values())
    if len(set(ids)) != len(ids):
        problems.append("two keys were answered with the same complaint")
    lost = [k for k, v in acknowledged.items() if v not in stored]
    if lost:
        problems.append(f"{len(lost)} acknowledged complaints are not stored, e.g. {lost[:3]}")
    doubled = set(stored) - set(ids)
    if doubled:
        problems.append(f"{len(doubled)} complaints stored that no client was answered with (filed twice?)")
    if len(set(stored.values())) != len(stored):
        problems.append("a complaint number was given twice")
    verify = subprocess.run([arrearsd, "audit", "verify", "--database", database], capture_output=True, text=True, cwd=cwd)
    if verify.returncode != 0:
        problems.append("audit verify: " + verify.stdout + verify.stderr)
    return problems, lost, doubled, verify.stdout.strip()
