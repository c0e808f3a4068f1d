#!/bin/sh
# init --demo's --scale and --seed: a value that is not a number in range
# is a usage error (64) and nothing is created. NaN compares false with
# every bound, and strtoull takes "-1" as 2^64-1: both got through.
. tests/lib.sh

for s in nan NaN -nan " nan" "0x1p-20"; do
    rm -f "$TMP/f.db"
    expect_rc 64 "--scale '$s' is refused as a usage error" ud --db "$TMP/f.db" init --demo --scale "$s"
    contains "$TMP/err" "--scale" "…the message names --scale ('$s')"
    if [ -f "$TMP/f.db" ]; then not_ok "…no database made ('$s')"; else ok "…no database made ('$s')"; fi
done
for s in -1 -0 -18446744073709551615; do
    rm -f "$TMP/f.db"
    expect_rc 64 "--seed '$s' is refused as a usage error" ud --db "$TMP/f.db" init --demo --scale 0.001 --seed "$s"
    contains "$TMP/err" "--seed" "…the message names --seed ('$s')"
done
# the bounds and plain values still work
rm -f "$TMP/f.db"
expect_rc 0 "--scale 0.001 --seed 0 makes a demo database" ud --db "$TMP/f.db" init --demo --scale 0.001 --seed 0
rm -f "$TMP/f.db"
expect_rc 0 "--seed 18446744073709551615 (the largest) is taken" ud --db "$TMP/f.db" init --demo --scale 0.001 --seed 18446744073709551615
rm -f "$TMP/f.db"
expect_rc 64 "--scale 10.001 is refused" ud --db "$TMP/f.db" init --demo --scale 10.001

echo "1..$TESTS_N"
