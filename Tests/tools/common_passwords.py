#!/usr/bin/env python3
"""Writes Sources/LoaCore/Resources/common-passwords.txt: the passwords Loa refuses as too common.

    apt-get download python3-zxcvbn && dpkg -x python3-zxcvbn_*.deb /tmp/zx
    python3 Tests/tools/common_passwords.py /tmp/zx/usr/lib/python3/dist-packages

The list is the 10,000 most frequent entries of the "passwords" frequency list that zxcvbn (Dropbox's password
strength estimator, MIT licence) ships, as packaged by Debian in python3-zxcvbn, followed by a few Vietnamese
passwords written for Loa. One password a line, lower case, in the order of the source.
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources/LoaCore/Resources/common-passwords.txt"
# common Vietnamese choices (no diacritics, as typed on a phone or a keyboard without a Vietnamese layout)
VIETNAMESE = """matkhau matkhau123 matkhau123456 anhyeuem emyeuanh yeuem yeuanh anhyeuem123 iloveyou123 vietnam
vietnam123 hanoi saigon hochiminh congdoan congdoan123 dienbien dienbienphu 123456aa 123456abc abc123456
qwerty123456 12345678910 1234567890 0123456789 matkhaumoi doimatkhau quantri admin123456 administrator""".split()

sys.path.insert(0, sys.argv[1])
from zxcvbn.frequency_lists import FREQUENCY_LISTS  # noqa: E402

seen, lines = set(), []
for word in FREQUENCY_LISTS["passwords"][:10000] + VIETNAMESE:
    word = word.strip().lower()
    if word and word not in seen:
        seen.add(word)
        lines.append(word)
OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{OUT.relative_to(ROOT)}: {len(lines)} passwords")
