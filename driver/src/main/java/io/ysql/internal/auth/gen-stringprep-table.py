#!/usr/bin/env python3
"""Writes StringprepTable.java: the RFC 3454 tables SASLprep (RFC 4013) needs, as code point ranges.

The tables come from CPython's stringprep module, which is itself generated from RFC 3454 over the
Unicode 3.2.0 database (unicodedata.ucd_3_2_0). Run from the repository root:

    python3 driver/src/main/java/io/ysql/internal/auth/gen-stringprep-table.py \
        > driver/src/main/java/io/ysql/internal/auth/StringprepTable.java
"""
import stringprep as sp

PROHIBITED = (sp.in_table_c12, sp.in_table_c21, sp.in_table_c22, sp.in_table_c3, sp.in_table_c4,
              sp.in_table_c5, sp.in_table_c6, sp.in_table_c7, sp.in_table_c8, sp.in_table_c9)

TABLES = [
    ("MAPPED_TO_NOTHING", "B.1 Commonly mapped to nothing", (sp.in_table_b1,)),
    ("NON_ASCII_SPACE", "C.1.2 Non-ASCII space characters (mapped to U+0020 by SASLprep)", (sp.in_table_c12,)),
    ("PROHIBITED_OUTPUT", "C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8 and C.9: prohibited output", PROHIBITED),
    ("UNASSIGNED", "A.1 Unassigned code points in Unicode 3.2", (sp.in_table_a1,)),
    ("RAND_AL_CAT", "D.1 Characters with bidirectional property R or AL", (sp.in_table_d1,)),
    ("L_CAT", "D.2 Characters with bidirectional property L", (sp.in_table_d2,)),
]

PAIRS_PER_LINE = 5


def ranges(predicates):
    out, start = [], None
    for cp in range(0x110000 + 1):
        inside = cp <= 0x10FFFF and any(p(chr(cp)) for p in predicates)
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            out.append((start, cp - 1))
            start = None
    return out


def main():
    print("// GENERATED FILE - DO NOT EDIT.")
    print("// Source: RFC 3454 (stringprep) tables over Unicode 3.2.0, as provided by CPython's stringprep module.")
    print("// Regenerate from the repository root with:")
    print("//   python3 driver/src/main/java/io/ysql/internal/auth/gen-stringprep-table.py \\")
    print("//       > driver/src/main/java/io/ysql/internal/auth/StringprepTable.java")
    print("package io.ysql.internal.auth;")
    print()
    print("import java.util.Arrays;")
    print()
    print("/**")
    print(" * The tables of RFC 3454 that SASLprep (RFC 4013) uses, each a sorted list of inclusive code point")
    print(" * ranges searched by binary search. Generated; see the header for the source and the command.")
    print(" */")
    print("enum StringprepTable {")
    for i, (name, doc, preds) in enumerate(TABLES):
        rs = ranges(preds)
        print(f"    /** RFC 3454 {doc}. */")
        print(f"    {name}(")
        for j in range(0, len(rs), PAIRS_PER_LINE):
            chunk = rs[j:j + PAIRS_PER_LINE]
            last = j + PAIRS_PER_LINE >= len(rs)
            body = ", ".join(f"0x{a:04X}, 0x{b:04X}" for a, b in chunk)
            print(f"        {body}{'' if last else ','}")
        print("    )" + (";" if i == len(TABLES) - 1 else ","))
        print()
    print("    /** Pairs of first and last code point, sorted and disjoint. */")
    print("    private final int[] ranges;")
    print()
    print("    StringprepTable(int... ranges) {")
    print("        this.ranges = ranges;")
    print("    }")
    print()
    print("    /** Whether the code point lies in one of this table's ranges. */")
    print("    boolean contains(int codePoint) {")
    print("        int lo = 0;")
    print("        int hi = ranges.length / 2 - 1;")
    print("        while (lo <= hi) {")
    print("            int mid = (lo + hi) >>> 1;")
    print("            if (codePoint < ranges[2 * mid]) {")
    print("                hi = mid - 1;")
    print("            } else if (codePoint > ranges[2 * mid + 1]) {")
    print("                lo = mid + 1;")
    print("            } else {")
    print("                return true;")
    print("            }")
    print("        }")
    print("        return false;")
    print("    }")
    print()
    print("    /** The number of ranges, for tests. */")
    print("    int rangeCount() {")
    print("        return ranges.length / 2;")
    print("    }")
    print()
    print("    /** A copy of the ranges, for tests. */")
    print("    int[] ranges() {")
    print("        return Arrays.copyOf(ranges, ranges.length);")
    print("    }")
    print("}")


if __name__ == "__main__":
    main()
