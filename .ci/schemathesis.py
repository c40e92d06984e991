#!/usr/bin/env python3
"""Outside fuzzing that reaches the logic: schemathesis (PyPI, in a venv) against a real arrearsd with real complaints.

The server gets an account of every role and eight complaints, one in each state (with an evidence file, webhook
deliveries and an unverified SME account), whose ids schemathesis draws path parameters from (its dictionaries). It then
runs once per role, over the operations that role may call — read from the README's lifecycle and permission tables,
which tests check against the code — and fails on any 5xx, any contract violation, fewer than MIN_REQUESTS requests in
all, or a warning that an operation never got past 401/403 (missing_auth) or 404 (missing_test_data).

Two checks are left out on purpose: positive_data_acceptance (the contract cannot say which region codes exist, which
dates are holidays, which channel a role may file by — the server's 422s are right) and missing_required_header (a
decision without If-Match is 428 Precondition Required, RFC 6585, not 400).

  python3 .ci/schemathesis.py ARREARSD VENV [MAX_EXAMPLES] [MIN_REQUESTS]
"""
import json, os, re, subprocess, sys, urllib.request

arrearsd, venv = os.path.realpath(sys.argv[1]), sys.argv[2]
max_examples = int(sys.argv[3]) if len(sys.argv) > 3 else 40
min_requests = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
root = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(root, "Tests", "tools"))
from arrearsd_server import Server  # noqa: E402

server = Server(arrearsd, "arrears-fuzz-")
tokens, base, work = server.tokens, server.base, server.work


def call(method, path, role=None, body=None, version=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if role:
        request.add_header("Authorization", "Bearer " + tokens[role])
    if version is not None:
        request.add_header("If-Match", f'"{version}"')
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raise SystemExit(f"seeding: {method} {path} as {role} answered {error.code}: {error.read()[:500]!r}")


def pdf():
    """A small PDF with its cross-reference and trailer, as the server's structure check expects."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]
    text, offsets = "%PDF-1.4\n", []
    for index, body in enumerate(objects):
        offsets.append(len(text.encode()))
        text += f"{index + 1} 0 obj\n{body}\nendobj\n"
    xref = len(text.encode())
    text += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    return (text + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode()


# Complaints in each state, every decision taken by the role the law gives it; make(state) gives a fresh one and its version.
filing = json.load(open(os.path.join(root, "Schemas", "examples", "filing.json")))
steps = {
    "submitted": [], "needs_supplement": [("intake", "request-supplement", {"items": "合同复印件"})],
    "accepted": [("intake", "accept", {})], "rejected": [("intake", "reject", {"ground": "other_exclusion", "reason": "不属于受理范围"})],
    "withdrawn": [("sme", "withdraw", {"reason": "已和解"})],
    "forwarded": [("intake", "accept", {}), ("intake", "forward", {})],
    "resolved": [("intake", "accept", {}), ("intake", "forward", {}),
                 ("handler", "resolve", {"outcome": "partly_paid", "amountPaid": 100, "summary": "已付部分"})],
    "closed": [("intake", "accept", {}), ("intake", "forward", {}),
               ("handler", "resolve", {"outcome": "paid_in_full", "amountPaid": 45600000, "summary": "已全额支付"}),
               ("sme", "rate", {"rating": "satisfied"})],
}
# Only a complaint rated dissatisfied can be reopened.
steps["reopenable"] = steps["closed"][:-1] + [("sme", "rate", {"rating": "dissatisfied", "comment": "仍未全额到账"})]


def make(state):
    _, detail = call("POST", "/v1/complaints", "sme", filing)
    complaint = detail["complaint"]
    for version, (role, command, body) in enumerate(steps[state], start=1):
        call("POST", f"/v1/complaints/{complaint['id']}/{command}", role, body, version=version)
    return complaint["id"], complaint["number"], len(steps[state]) + 1


complaints = []
for state in steps:
    complaint_id, number, _ = make(state)
    complaints += [complaint_id, number]
# On the forwarded complaint, which every role but the admin can read.
forwarded = complaints[2 * list(steps).index("forwarded")]
_, evidence = call("POST", f"/v1/complaints/{forwarded}/evidence?name=%E9%AA%8C%E6%94%B6%E6%8A%A5%E5%91%8A.pdf", "sme", raw=pdf(),
                   content_type="application/pdf")
_, unverified = call("POST", "/v1/accounts/sme", None, {
    "name": "杭州西湖示例科技有限公司", "creditCode": "91330106MA27XYW01W", "password": "西湖示例-2026-strong",
    "contact": {"person": "陈静", "phone": "0571-88000000"}})

# Who may call what, from the README's tables (checked against Lifecycle.transitions and Permission.table by tests).
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
def table(marker):
    block = readme.split(f"<!-- {marker} -->")[1].split(f"<!-- /{marker} -->")[0]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in block.strip().splitlines()[2:]]
    return rows
commands, permissions = {}, {}
for command, _from, _to, who in table("lifecycle-table"):
    commands.setdefault(command, set()).update(role.strip() for role in who.split(","))
for permission, who in table("permission-table"):
    permissions[permission] = {role.strip().split(" ")[0] for role in who.split(",")}
everyone = set(tokens)
document = open(os.path.join(root, "Schemas", "openapi.yaml"), encoding="utf-8").read()
operations = {}
for path, method, operation in re.findall(r"^  (/\S+):\n(?:.*\n)*?    (get|post|put|delete):\n      operationId: (\w+)", document, re.M):
    operations[operation] = path
by_permission = {
    "listComplaints": "read-complaints", "getComplaint": "read-complaints", "listEvidence": "read-complaints",
    "downloadEvidence": "read-complaints", "getComplaintContact": "read-complaints", "submitComplaint": "file",
    "routeComplaint": "route", "getRoutingTable": "read-routing", "getMonthlyStatistics": "read-statistics",
    "publishStatistics": "publish-statistics", "exportComplaints": "export", "verifyAudit": "verify-audit",
    "getSecurityLog": "read-security-log", "createAccount": "manage-accounts", "revokeAccountTokens": "manage-accounts",
    "listWebhookDeliveries": "manage-webhooks", "retryWebhookDelivery": "manage-webhooks", "verifySMEAccount": "verify-sme-accounts",
}
by_role = {"getMe": everyone, "registerSME": everyone, "signIn": everyone, "signOut": everyone, "calculateDueDate": everyone, "sizeTest": everyone, "changePassword": everyone,
           "requestVerificationCode": {"sme"}, "verifyWithCode": {"sme"}}
allowed = {role: [] for role in tokens}
for operation, path in operations.items():
    if operation in by_permission:
        roles = permissions[by_permission[operation]]
    elif operation in by_role:
        roles = by_role[operation]
    else:
        # A decision: the last path segment names the command (attachEvidence is the attach-evidence command).
        command = "attach-evidence" if operation == "attachEvidence" else path.rsplit("/", 1)[-1]
        roles = commands.get(command)
        if roles is None:
            raise SystemExit(f"schemathesis.py: no rule says who may call {operation} ({path})")
    for role in roles:
        # Admins hold read-complaints for audits, but their scope covers no case: every complaint is 404 to them.
        if role == "admin" and "{complaintId}" in path:
            continue
        allowed[role].append(operation)

# Each decision a role may take gets a complaint of its own in the state the decision starts from, and its version for
# If-Match, so the fuzzer reaches the decision's rules (and sometimes takes it) instead of only conflicting.
starts = {
    "requestSupplement": "submitted", "supplementComplaint": "needs_supplement", "acceptComplaint": "submitted",
    "rejectComplaint": "submitted", "forwardComplaint": "accepted", "returnComplaint": "forwarded", "resolveComplaint": "forwarded",
    "rateComplaint": "resolved", "closeComplaint": "resolved", "withdrawComplaint": "submitted", "reopenComplaint": "reopenable",
    "acknowledgeComplaint": "forwarded", "extendHandling": "forwarded", "escalateComplaint": "forwarded", "markDuplicate": "submitted",
    # The handling department may note only what it holds; forwarded serves every role that may note.
    "noteComplaint": "forwarded",
    # Answers need their question first: these mostly meet the rule that says so (409), which is the rule being fuzzed.
    "notifyRespondent": "forwarded", "recordFeedback": "forwarded", "requestInformation": "forwarded", "answerInformation": "forwarded",
    "requestReview": "reopenable", "declineReview": "reopenable", "recordPayment": "forwarded", "agreePaymentPlan": "forwarded",
}


def config_for(role):
    path = os.path.join(work, f"schemathesis-{role}.toml")
    with open(path, "w") as out:
        out.write('[warnings]\nfail-on = ["missing_auth", "missing_test_data"]\n\n')
        dictionaries = [("complaints", complaints), ("numbers", complaints[1::2]), ("evidence", [evidence["id"]]),
                        ("deliveries", [1, 2, 3, 4]), ("accounts", [unverified["id"]])]
        decisions, targets = [], {}
        for operation in sorted(set(allowed[role]) & set(starts)):
            complaint_id, _, version = make(starts[operation])
            targets[operation] = (complaint_id, version)
            decisions.append(operation)
        for name, values in dictionaries:
            out.write(f"[dictionaries.{name}]\nvalues = {json.dumps(values, ensure_ascii=False)}\n\n")
        out.write('[parameters]\n"path.complaintId" = { dictionary = "complaints" }\n"path.evidenceId" = { dictionary = "evidence" }\n'
                  '"path.deliveryId" = { dictionary = "deliveries" }\n"path.accountId" = { dictionary = "accounts" }\n'
                  '"body.of" = { dictionary = "numbers" }\n\n')
        for operation in decisions:
            complaint_id, version = targets[operation]
            out.write(f'[[operations]]\ninclude-operation-id = "{operation}"\n'
                      f'parameters = {{ "path.complaintId" = "{complaint_id}", "header.If-Match" = \'"{version}"\' }}\n\n')
    return path


total, failed = 0, False
for role, names in allowed.items():
    arguments = [os.path.join(venv, "bin", "schemathesis"), "--config-file", config_for(role), "run", os.path.join(root, "Schemas", "openapi.yaml"),
                 "--url", base, "-H", f"Authorization: Bearer {tokens[role]}", "--max-examples", str(max_examples), "--seed", "20261122",
                 "--checks", "all", "--exclude-checks", "positive_data_acceptance,missing_required_header", "--no-color",
                 "--report", "har", "--report-har-path", os.path.join(work, f"requests-{role}.har")]
    for name in sorted(names):
        arguments += ["--include-operation-id", name]
    result = subprocess.run(arguments, capture_output=True, text=True)
    report = result.stdout + result.stderr
    generated = sum(int(n) for n in re.findall(r"(\d+) generated", report)[-1:])
    total += generated
    summary = report[report.find("SUMMARY"):] if "SUMMARY" in report else report[-3000:]
    print(f"--- as {role}: {len(names)} operations, {generated} requests, exit {result.returncode}")
    print(summary.strip()[:6000])
    open(os.path.join(work, f"report-{role}.txt"), "w").write(report)
    if not server.alive():
        print(open(server.log).read()[-4000:])
        raise SystemExit("schemathesis: arrearsd died during the run")
    failed |= result.returncode != 0
server.stop()
if failed:
    raise SystemExit("schemathesis found failures or warnings that operations never got past 401/403 or 404")
if total < min_requests:
    raise SystemExit(f"schemathesis generated {total} requests, fewer than {min_requests}")
print(f"schemathesis: {total} generated requests over {len(tokens)} roles, no failures, every operation reached")
