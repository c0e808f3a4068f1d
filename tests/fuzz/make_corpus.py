#!/usr/bin/env python3
"""Writes the hand-made seed corpus of the fuzz targets (tests/fuzz/corpus/).
Run again after changing it; crash reproducers found later are added to the
same directories by hand (named crash-*), and kept."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def idnum(birth, seq):
    s = "330206%s%03d" % (birth, seq)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return s + "10X98765432"[sum(int(c) * k for c, k in zip(s, w)) % 11]


def put(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


A, B, C = idnum("19850312", 123), idnum("19900101", 124), idnum("19700101", 7)
members = ("姓名,身份证号,所属工会,性别,电话,入会日期,外来务工\r\n"
           "张三丰,%s,BL-XQ-001,男,13800138000,2020-01-05,是\r\n"
           "\"李,四\",%s,BL-XQ-001,女,0574-86888888,2021/3/4,否\r\n" % (A, B))
members_en = ("name,id_number,org,job_title\n王五,%s,BL-XQ-001,\"电\"\"焊\"\"工\"\n" % C)
cases = ("mediation_org,received_on,dispute_type,status,applicant_name,applicant_id_number,"
         "employer_name,employer_credit_code,claim_amount,outcome\n"
         "BL-XQ,2026-03-01,wages,closed_success,赵六,%s,宁波港机械厂,91350100M000100Y43,"
         "12.5万,\"调解成功\n分两期支付\"\n"
         "BL-XQ,2026-04-02,social_insurance,received,钱七,,某公司,91350100M000100Y44,1234.50,\n" % A)
gbk = members.encode("gbk")
bom = b"\xef\xbb\xbf" + members.encode()

# the CSV reader: first byte 0 auto, 1 UTF-8, 2 GBK
for name, enc, data in [
    ("utf8-bom-crlf", 0, bom),
    ("utf8-quotes", 0, members_en.encode()),
    ("utf8-quoted-newline", 1, cases.encode()),
    ("gbk-auto", 0, gbk),
    ("gbk-named", 2, gbk),
    ("gb18030-four-byte", 2, "姓名\n€𠀀\n".encode("gb18030")),
    ("bad-utf8-overlong", 0, b"name,id\n\xc0\x80name,1\n"),
    ("bad-utf8-line3", 0, "a,b\n张,三\n李".encode() + b"\xff,x\n"),
    ("nul-in-field", 0, b"a,b\n\xe7\x8e\x8b\x00DROP,1\n"),
    ("stray-quote", 0, "a,b\n王\"五,1\n\"王五\"x,2\n".encode()),
    ("unclosed-quote", 0, b"a,b\n\"open,1\n"),
    ("cr-only", 0, b"a,b\r1,2\r\r3,4"),
    ("empty-lines", 0, b"\n\n,\n\"\"\n"),
    ("truncated-utf8-end", 0, b"a\n\xe4\xb8"),
    ("truncated-gbk-end", 2, b"a\n\xcd"),
]:
    put("fuzz_csv", name, bytes([enc]) + data)

# encoding detection and display helpers: first byte is the piece size
for name, data in [
    ("utf8", "姓名,身份证号\n王五\n".encode()),
    ("gbk", "姓名,身份证号\n王五,电焊工\n".encode("gbk")),
    ("bom", b"\xef\xbb\xbfabc"),
    ("overlong", b"\xc0\x80name"),
    ("surrogate", b"\xed\xa0\x80"),
    ("four-byte", "𠀀😀".encode()),
    ("controls", b"\x1b]52;c;aGk=\x07\x1b[2J\x7f\xc2\x85"),
    ("bidi", "a\u202eb\u2066c\u2069".encode()),
    ("gb18030", "€𠀀".encode("gb18030")),
    ("mixed", "王五".encode() + "王五".encode("gbk")),
]:
    put("fuzz_encoding", name, b"\x03" + data)

# the terminal filter: first byte is the piece size
for name, data in [
    ("controls", b"\x1b]52;c;aGk=\x07\x1b[2J\x7f\xc2\x85 ok\r\n"),
    ("bidi", "a\u202eb\u2066c\u2069\n".encode()),
    ("csv-crlf", "统计日期,单位\r\n2026-11-26,北仑\r\n".encode()),
    ("lone-cr", b"safe\rdanger\r"),
    ("bad-utf8", b"\xc0\x80\xe4\xb8\xff\xf0\x9f\x98"),
]:
    put("fuzz_termout", name, b"\x02" + data)

# the parsers: one string each
for i, s in enumerate([
    "2026-11-26", "2026-1-5", "20261126", "2026/11/26", "2026.11.26", "2026年11月26日", "2024-02-29",
    "2026-02-29", "2026-11", "1234", "1234.5", "1,234.50", "¥1234", "1234元", "12.5万", "12.5万元",
    "-5", "99999999999.99", A, A[:17] + "x", "91350100M000100Y43", "91350100m000100y44",
    "13800138000", "0574-86888888", "0574-86888888-123", "86888888", "是", "否", "yes", "0",
    "\u3000张三\u3000", " 12 ", "3302061985", "",
]):
    put("fuzz_parsers", "seed-%02d" % i, s.encode())

# the whole import: bit 0 cases/members, bits 1-2 == 01 writes, bit 3 --skip-bad
for name, flags, data in [
    ("members-dry", 0, bom),
    ("members-write", 2, members_en.encode()),
    ("members-gbk-skipbad", 8, gbk),
    ("members-bad-rows", 8, ("name,id_number,org,join_date\n好人,%s,BL-XQ-001,2022-01-01\n"
                             "坏号,%s1,BL-XQ-001,2026-02-29\n无单位,%s,NOPE,\n少一列,%s\n"
                             % (B, A[:17], C, A)).encode()),
    ("cases-dry", 1, cases.encode()),
    ("cases-write", 3, cases.encode()),
    ("cases-crlf-gbk", 9, cases.replace("\n", "\r\n").encode("gbk")),
    ("members-unknown-column", 0, b"name,shoe_size\nx,42\n"),
    ("members-nul", 0, b"name,id_number,org\n\xe7\x8e\x8b\x00,1,BL-XQ-001\n"),
    ("orgs-parent-later", 16, "code,name,kind,parent,credit_code\nF-1,甲厂工会,enterprise_union,F,"
                              "91350100M000100Y43\nF,某街道总工会,street_federation,BL,\n".encode()),
    ("orgs-cycle", 18, "code,name,kind,parent\nC1,一,street_federation,C2\nC2,二,street_federation,C1\n"
                       "C3,三,enterprise_union,C9\n".encode()),
]:
    put("fuzz_import", name, bytes([flags]) + data)
