#!/bin/bash
# 5 alternating pairs A,B for groups of 200, then 5 for groups of 20; day advances per pair.
cd "${PROTO:-/tmp/proto}"
for n in 200 20; do
  for i in 1 2 3 4 5; do
    ./run.sh a $n $i g${n}_a$i
    ./run.sh b $n $i g${n}_b$i
  done
done
