#!/usr/bin/env python3
"""Hostile requests against a real arrearsd: text that hides or reorders what it says, numbers and dates the contract
does not allow, broken JSON, query parameters outside the contract, broken chunked framing. Each must be answered 4xx
with problem+json naming the field (or parameter) and the rule — never 5xx — and nothing may be stored; the server must
answer /readyz afterwards. Traffic only to 127.0.0.1.

  python3 Tests/hostile/corpus.py --arrearsd .build/debug/arrearsd        (CI runs this)
Exit 0 when every request was refused as it should be; 1 listing the ones that were not.
"""
import argparse, copy, http.client, json, os, socket, sys

parser = argparse.ArgumentParser()
parser.add_argument("--arrearsd", required=True)
parser.add_argument("--minimum", type=int, default=300, help="fail if the corpus has fewer requests than this")
args = parser.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tools"))
from arrearsd_server import Server  # noqa: E402

base = json.load(open(os.path.join(here, "..", "..", "Schemas", "examples", "filing.json")))
server = Server(args.arrearsd, "arrears-hostile-")
tokens, port, work = server.tokens, server.port, server.work

corpus = []  # (name, method, path, role, body bytes or None, expected field or None, expected rule or None)


def filing_with(path, value):
    document = copy.deepcopy(base)
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return document


def field_name(path):
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (key if not text else "." + key)
    return text


one_line = [["complainant", "name"], ["respondent", "name"], ["respondent", "supervisingAuthority"], ["contracts", 0, "number"],
            ["complainant", "contact", "person"], ["complainant", "contact", "email"]]
long_text = [["facts"], ["demand"]]
hostile_text = [
    ("NUL", "杭州\x00示例", "text.control-character"), ("ESC sequence", "\x1b[2J\x1b[31m杭州示例", "text.control-character"),
    ("BEL", "杭州\x07示例", "text.control-character"), ("backspaces", "杭州示例\x08\x08\x08\x08", "text.control-character"),
    ("DEL", "杭州\x7f示例", "text.control-character"), ("C1 NEL", "杭州\x85示例", "text.control-character"),
    ("C1 CSI", "杭州\x9b31m示例", "text.control-character"), ("vertical tab", "杭州\x0b示例", "text.control-character"),
    ("form feed", "杭州\x0c示例", "text.control-character"), ("RLO", "\u202e司公限有设建例示", "text.bidi-control"),
    ("LRO", "杭州\u202d示例", "text.bidi-control"), ("RLE", "杭州\u202b示例", "text.bidi-control"),
    ("PDF", "杭州\u202c示例", "text.bidi-control"), ("LRI", "杭州\u2066示例\u2069", "text.bidi-control"),
    ("RLI", "杭州\u2067示例", "text.bidi-control"), ("FSI", "杭州\u2068示例", "text.bidi-control"),
    ("RLM", "\u200f杭州示例", "text.bidi-control"), ("LRM", "杭州\u200e示例", "text.bidi-control"),
    ("ALM", "杭州\u061c示例", "text.bidi-control"), ("Hangul filler only", "\u3164\u3164", "text.not-visible"),
    ("halfwidth filler only", "\uffa0", "text.not-visible"), ("BOM only", "\ufeff", "text.not-visible"),
    ("Braille blank only", "\u2800\u2800", "text.not-visible"), ("ideographic spaces only", "\u3000\u3000", "text.required"),
    ("noncharacter", "杭州\ufffe示例", "text.control-character"), ("line separator", "杭州\u2028示例", "text.line-break"),
    ("paragraph separator", "杭州\u2029示例", "text.line-break"),
    ("stacked combining marks", "杭" + "\u0301" * 60, "text.stacked-marks"),
]
for path in one_line:
    for name, value, rule in hostile_text:
        if path[-1] == "email" and rule in ("text.not-visible", "text.required"):
            rule = None  # an invisible address fails the email shape or the visibility rule; either names the field
        corpus.append((f"{field_name(path)}: {name}", "POST", "/v1/complaints", "sme", filing_with(path, value), field_name(path), rule))
    for name, value in [("CR LF", "杭州\r\n示例"), ("LF", "杭州\n示例"), ("tab", "杭州\t示例")]:
        corpus.append((f"{field_name(path)}: {name}", "POST", "/v1/complaints", "sme", filing_with(path, value), field_name(path),
                       "text.line-break"))
    corpus.append((f"{field_name(path)}: 30,000 combining marks", "POST", "/v1/complaints", "sme",
                   filing_with(path, "杭" + "\u0301" * 30000), field_name(path), "text.too-long"))
for path in long_text:
    for name, value, rule in hostile_text:
        if rule == "text.line-break":
            continue
        corpus.append((f"{field_name(path)}: {name}", "POST", "/v1/complaints", "sme", filing_with(path, value), field_name(path), rule))

money = [["contracts", 0, "amount"], ["contracts", 0, "amountOverdue"]]
for path in money:
    for raw in ["12.5", "1e20", "1E3", "9223372036854775808", "-9223372036854775809", "0.0", "1.0e2", "45600000.00"]:
        corpus.append((f"{field_name(path)} = {raw}", "POST", "/v1/complaints", "sme",
                       json.dumps(filing_with(path, 0), ensure_ascii=False).replace(f'"{path[-1]}": 0', f'"{path[-1]}": {raw}'),
                       field_name(path), "money.fen-integer"))
    for value in ["128000000", True, [], {}]:
        corpus.append((f"{field_name(path)} = {json.dumps(value)}", "POST", "/v1/complaints", "sme", filing_with(path, value),
                       field_name(path), "json.type"))
    corpus.append((f"{field_name(path)} = -1", "POST", "/v1/complaints", "sme", filing_with(path, -1), field_name(path), None))
    corpus.append((f"{field_name(path)} = null", "POST", "/v1/complaints", "sme", filing_with(path, None), field_name(path), "json.type"))
for raw in ["30.5", "3e1", "99999999999999999999"]:
    corpus.append((f"paymentTermDays = {raw}", "POST", "/v1/complaints", "sme",
                   json.dumps(filing_with(["contracts", 0, "paymentTermDays"], 0)).replace('"paymentTermDays": 0', f'"paymentTermDays": {raw}'),
                   "contracts[0].paymentTermDays", "days.integer"))
for value, rule in [(-1, "payment-term.range"), (3651, "payment-term.range")]:
    corpus.append((f"paymentTermDays = {value}", "POST", "/v1/complaints", "sme", filing_with(["contracts", 0, "paymentTermDays"], value),
                   "contracts[0].paymentTermDays", rule))

for key in ["signedOn", "deliveredOn"]:
    for value, rule in [("2025-+3-18", "date.format"), ("2025--3-18", "date.format"), ("+025-03-18", "date.format"),
                        ("2025-02-30", "date.invalid"), ("25-03-18", "date.format"), ("2025-3-18", "date.format"),
                        ("2025-03-18T00:00:00Z", "date.format"), ("", "date.format"), ("２０２５-03-18", "date.format"),
                        ("1900-01-01", "date.too-early"), ("1999-12-31", "date.too-early")]:
        corpus.append((f"{key} = {value!r}", "POST", "/v1/complaints", "sme", filing_with(["contracts", 0, key], value),
                       f"contracts[0].{key}", rule))

syntax = [
    ("trailing comma in an object", '"otherBodyInvolved": false, "channel": "online"}', '"otherBodyInvolved": false, "channel": "online",}'),
    ("trailing comma in an array", '"amountOverdue": 45600000}]', '"amountOverdue": 45600000},]'),
    ("a comment", '{"complainant"', '{/* hello */"complainant"'),
    ("single quotes", '"channel": "online"', "'channel': 'online'"),
    ("NaN", '"amount": 128000000', '"amount": NaN'),
    ("an unpaired surrogate", '"facts": "', '"facts": "\\ud800'),
    ("a raw tab in a string", '"facts": "', '"facts": "\t'),
    ("a truncated body", '"channel": "online"}', '"channel": "onl'),
    ("two values", '"channel": "online"}', '"channel": "online"}{}'),
    ("a bad escape", '"facts": "', '"facts": "\\x41'),
]
base_text = json.dumps(base, ensure_ascii=False)
for name, old, new in syntax:
    assert old in base_text, old
    corpus.append((f"JSON: {name}", "POST", "/v1/complaints", "sme", base_text.replace(old, new, 1), None, "json.syntax"))
corpus.append(("JSON: a duplicate key", "POST", "/v1/complaints", "sme", base_text.replace('"channel": "online"', '"channel": "online", "channel": "phone"'),
               "channel", "json.duplicate-key"))
corpus.append(("JSON: nested 100 deep", "POST", "/v1/complaints", "sme", '{"facts": ' + "[" * 100 + "]" * 100 + "}", None, "json.syntax"))

for path, value, field, rule in [
    (["complainant", "creditCode"], "91330100716105852A", "complainant.creditCode", None),
    (["complainant", "creditCode"], "9133010071610585", "complainant.creditCode", None),
    (["complainant", "region"], "999999", "complainant.region", "region.unknown"),
    (["respondent", "region"], "33000", "respondent.region", None),
    (["respondent", "creditCode"], "91330100716105852F", "respondent.creditCode", "respondent.is-complainant"),
    (["channel"], "letter", "channel", "channel.officials-register"),
    (["channel"], "carrier-pigeon", "channel", None),
    (["respondent", "kind"], "private_company", "respondent.kind", None),
    (["contracts"], [], "contracts", "contracts.required"),
]:
    corpus.append((f"{field} = {value!r}", "POST", "/v1/complaints", "sme", filing_with(path, value), field, rule))

queries = [
    ("/v1/complaints?cursor=p-5", "intake", "cursor", "query.pattern"), ("/v1/complaints?cursor=p%2B5", "intake", "cursor", "query.pattern"),
    ("/v1/complaints?cursor=", "intake", "cursor", "query.pattern"), ("/v1/complaints?province=330100", "supervisor", "province", "query.pattern"),
    ("/v1/complaints?province=", "supervisor", "province", "query.pattern"), ("/v1/complaints?province=990000", "supervisor", "province", "region.unknown"),
    ("/v1/complaints?" + "&".join(["state=submitted"] * 9), "intake", "state", "query.max-items"),
    ("/v1/complaints?state=open", "intake", "state", "query.enum"), ("/v1/complaints?state=", "intake", "state", "query.enum"),
    ("/v1/complaints?limit=201", "intake", "limit", "query.maximum"), ("/v1/complaints?limit=0", "intake", "limit", "query.minimum"),
    ("/v1/complaints?limit=-1", "intake", "limit", "query.minimum"), ("/v1/complaints?limit=12.5", "intake", "limit", "query.integer"),
    ("/v1/complaints?limit=1e2", "intake", "limit", "query.integer"), ("/v1/complaints?limit=99999999999999999999", "intake", "limit", "query.integer"),
    ("/v1/complaints?limit=10&limit=20", "intake", "limit", "query.repeated"), ("/v1/complaints?overdue=yes", "intake", "overdue", "query.boolean"),
    ("/v1/complaints?overdue=1", "intake", "overdue", "query.boolean"), ("/v1/complaints?provnce=330000", "intake", "provnce", "query.unknown-parameter"),
    ("/v1/complaints?department=%E6%95%99%E8%82%B2", "intake", "department", "query.pattern"),
    ("/v1/complaints?department=" + "a" * 65, "intake", "department", "query.max-length"),
    ("/v1/audit/verify?complaint=" + "a" * 65, "supervisor", "complaint", "query.max-length"),
    ("/v1/audit/verify?complaint=", "supervisor", "complaint", "query.min-length"),
    ("/v1/audit/log?subject=" + "a" * 101, "admin", "subject", "query.max-length"), ("/v1/audit/log?after=-1", "admin", "after", "query.minimum"),
    ("/v1/audit/log?after=9223372036854775808", "admin", "after", "query.integer"), ("/v1/audit/log?limit=1001", "admin", "limit", "query.maximum"),
    ("/v1/exports/complaints?from=2025-+3-18", "intake", "from", "query.date"), ("/v1/exports/complaints?to=2025-02-30", "intake", "to", "query.date"),
    ("/v1/exports/complaints?contacts=all", "intake", "contacts", "query.enum"),
    ("/v1/statistics/monthly?month=2026-13", "supervisor", "month", "query.pattern"),
    ("/v1/statistics/monthly?month=2026-+1", "supervisor", "month", "query.pattern"),
    ("/v1/statistics/monthly?breakdowns=maybe", "supervisor", "breakdowns", "query.boolean"),
    ("/v1/webhooks/deliveries?state=lost", "admin", "state", "query.enum"), ("/v1/webhooks/deliveries?after=-5", "admin", "after", "query.minimum"),
    ("/v1/webhooks/deliveries?limit=0", "admin", "limit", "query.minimum"), ("/v1/routing?x=1", "intake", "x", "query.unknown-parameter"),
]
for uri, role, parameter, rule in queries:
    corpus.append((f"GET {uri[:60]}", "GET", uri, role, None, parameter, rule))

failures = []
sent = 0


def send(method, path, role, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": "Bearer " + tokens[role]}
    if body is not None:
        headers["Content-Type"] = "application/json"
        if not isinstance(body, (str, bytes)):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            body = body.encode("utf-8", "surrogatepass")
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.getheader("Content-Type", ""), response.read()


def check(name, status, content_type, payload, field, rule):
    if not 400 <= status < 500:
        return f"answered {status}"
    if not content_type.startswith("application/problem+json"):
        return f"answered {status} as {content_type!r}, not problem+json"
    problem = json.loads(payload)
    violations = problem.get("violations") or []
    if not violations or not all(v.get("field") and v.get("rule") for v in violations):
        return f"answered {status} without a field and rule: {problem.get('detail')}"
    if field is not None and violations[0]["field"] != field:
        return f"named field {violations[0]['field']!r}, not {field!r} ({violations[0]['rule']})"
    if rule is not None and violations[0]["rule"] != rule:
        return f"named rule {violations[0]['rule']!r}, not {rule!r} ({violations[0]['field']})"
    return None


for name, method, path, role, body, field, rule in corpus:
    sent += 1
    status, content_type, payload = send(method, path, role, body)
    problem = check(name, status, content_type, payload, field, rule)
    if problem:
        failures.append(f"{name}: {problem}")

# Broken chunked framing, over a raw socket: the server still answers, in problem+json, and closes the connection.
def raw(request):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        data = b""
        while True:
            try:
                chunk = connection.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1]) if head else 0
    content_type = next((line.split(b":", 1)[1].strip().decode() for line in head.split(b"\r\n") if line.lower().startswith(b"content-type:")), "")
    return status, content_type, body


prefix = (f"POST /v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {tokens['sme']}\r\n"
          "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
for name, framing in [("a chunk size that is not hex", b"zz\r\n{}\r\n0\r\n\r\n"), ("a chunk longer than it said", b"2\r\n{\"a\":1}\r\n0\r\n\r\n"),
                      ("a negative chunk size", b"-5\r\n{}\r\n0\r\n\r\n")]:
    sent += 1
    status, content_type, payload = raw(prefix + framing)
    problem = check(name, status, content_type, payload, "(body)", "http.framing")
    if problem:
        failures.append(f"chunked: {name}: {problem}")

stored = json.loads(send("GET", "/v1/complaints", "intake", None)[2])["items"]
if stored:
    failures.append(f"{len(stored)} complaints were stored: {[item['number'] for item in stored]}")
ready = send("GET", "/readyz", "intake", None)[0]
if ready != 200 or not server.alive():
    failures.append(f"the server is not healthy afterwards (/readyz {ready})")
server.stop()
log = open(server.log).read()
if '"level":"error"' in log or "Fatal error" in log:
    failures.append("the server logged errors:\n" + log[:2000])
print(f"hostile corpus: {sent} requests, {len(failures)} not refused as they should be")
for failure in failures:
    print("  " + failure)
if sent < args.minimum:
    print(f"the corpus has {sent} requests, fewer than {args.minimum}")
    sys.exit(1)
sys.exit(1 if failures else 0)
