#!/usr/bin/env python3
"""Writes N historical complaints as an `arrearsd import` CSV (one contract per row), for the import benchmark.

Valid unified social credit codes (GB 32100-2015 check character), real Zhejiang regions, receipt times spread over
2025; deterministic. Usage: python3 Benchmarks/import-file.py 100000 > /tmp/history.csv
"""
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n):
    body = "913301" + "00" + format(n % 10**9, "09d") + ""
    body = body[:17]
    check = 31 - sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31
    return body + ALPHABET[0 if check == 31 else check]


HEADER = ("externalId,receivedAt,channel,complainant.name,complainant.creditCode,complainant.region,complainant.industry,"
          "complainant.declaredSize,contact.person,contact.phone,contact.email,respondent.name,respondent.creditCode,respondent.kind,"
          "respondent.level,respondent.region,respondent.supervisingAuthority,contract.number,contract.subject,contract.signedOn,"
          "contract.amount,contract.deliveredOn,contract.paymentTermDays,contract.amountOverdue,facts,demand")
REGIONS = ["330100", "330200", "330300", "330400", "330500", "330600", "330700"]

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
out = sys.stdout
out.write(HEADER + "\r\n")
for i in range(count):
    day = 1 + i * 364 // max(count, 1)
    month, mday = 1 + (day - 1) // 31 % 12, 1 + (day - 1) % 28
    received = f"2025-{month:02d}-{mday:02d}T{9 + i % 8:02d}:{i % 60:02d}:00+08:00"
    amount = 1_000_000 + (i * 7919) % 90_000_000
    region = REGIONS[i % len(REGIONS)]
    out.write(f"HIST-{i:08d},{received},phone,示例企业{i}有限公司,{credit_code(i)},{region},construction,small,王芳,0571-87000000,,"
              f"浙江省示例职业技术学院,,public_institution,provincial,330000,浙江省教育厅,HT-2024-{i:08d},works,2024-03-18,{amount * 2},"
              f"2024-09-30,30,{amount},\"工程已验收合格，尾款至今未付。\",支付尾款及逾期利息。\r\n")
