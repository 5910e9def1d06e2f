#!/usr/bin/env python3
"""Breaks a certificate the way CA software does, then re-signs it with the CA's
key (openssl dgst), so that the one defect is the only problem. Independent of
cpaudit's own generator: a DER tree edited in Python, lengths re-encoded.

    break.py CERT.pem CA-KEY.pem DEFECT > broken.pem
"""
import base64
import subprocess
import sys


def read_tlv(data, i):
    tag = data[i]
    length = data[i + 1]
    i += 2
    if length & 0x80:
        octets = length & 0x7F
        length = int.from_bytes(data[i:i + octets], "big")
        i += octets
    return tag, data[i:i + length], i + length


def tree(data):
    """[tag, bytes | [children], non_minimal_length]"""
    tag, value, _ = read_tlv(data, 0)
    if not tag & 0x20:
        return [tag, value, False]
    children, i = [], 0
    while i < len(value):
        _, _, end = read_tlv(value, i)
        children.append(tree(value[i:end]))
        i = end
    return [tag, children, False]


def encode(node):
    tag, value, non_minimal = node
    content = b"".join(encode(c) for c in value) if isinstance(value, list) else value
    n = len(content)
    if n < 0x80 and not non_minimal:
        length = bytes([n])
    else:
        octets = n.to_bytes(max(1, (n.bit_length() + 7) // 8), "big")
        length = bytes([0x80 | len(octets)]) + octets
    return bytes([tag]) + length + content


def extension(tbs, oid_hex):
    for ext in tbs[1][-1][1][0][1]:
        if ext[1][0][1] == bytes.fromhex(oid_hex):
            return ext
    raise SystemExit("no extension " + oid_hex)


def main():
    pem, key, defect = sys.argv[1:4]
    der = base64.b64decode("".join(l for l in open(pem) if "-----" not in l))
    cert = tree(der)
    tbs = cert[1][0]
    version, serial, _, _, validity, subject = tbs[1][:6]
    if defect == "non-minimal-length":
        serial[2] = True
    elif defect == "boolean-true-0x01":
        extension(tbs, "551d0f")[1][1][1] = b"\x01"  # keyUsage is critical
    elif defect == "critical-false-encoded":
        crldp = extension(tbs, "551d1f")
        crldp[1].insert(1, [0x01, b"\x00", False])
    elif defect == "serial-non-minimal":
        serial[1] = b"\x00" + serial[1]
    elif defect == "serial-negative":
        serial[1] = b"\xf0" + serial[1]
    elif defect == "serial-zero":
        serial[1] = b"\x00"
    elif defect == "serial-21-octets":
        serial[1] = b"\x01" * 21
    elif defect == "utctime-without-seconds":
        validity[1][0][1] = b"2601050000Z"
    elif defect == "utctime-with-offset":
        validity[1][0][1] = b"260105090000+0900"
    elif defect == "generalized-time-before-2050":
        validity[1][1] = [0x18, b"20270105000000Z", False]
    elif defect == "set-of-unsorted":
        rdn = subject[1][1]  # O: add a second attribute that sorts before it
        extra = [0x30, [[0x06, bytes.fromhex("550406"), False], [0x13, b"JP", False]], False]
        rdn[1] = sorted([rdn[1][0], extra], key=encode, reverse=True)
    elif defect == "bit-string-unused-bits":
        extension(tbs, "551d0f")[1][-1][1] = bytes.fromhex("03020080")
    elif defect == "extension-trailing-bytes":
        ski = extension(tbs, "551d0e")[1][-1]
        ski[1] = ski[1] + b"\x05\x00"
    elif defect == "second-key-usage":
        exts = tbs[1][-1][1][0][1]
        exts.append([0x30, [[0x06, bytes.fromhex("551d0f"), False],
                            [0x04, bytes.fromhex("03020204"), False]], False])
    elif defect != "none":
        raise SystemExit("unknown defect " + defect)
    signed = encode(tbs)
    signature = subprocess.run(["openssl", "dgst", "-sha1", "-sign", key], input=signed,
                               capture_output=True, check=True).stdout
    # The signed part spliced in as signed; signatureAlgorithm as it was.
    body = signed + encode(cert[1][1]) + encode([0x03, b"\x00" + signature, False])
    out = encode([0x30, body, False])
    b64 = base64.b64encode(out).decode()
    print("-----BEGIN CERTIFICATE-----")
    for i in range(0, len(b64), 64):
        print(b64[i:i + 64])
    print("-----END CERTIFICATE-----")


main()
