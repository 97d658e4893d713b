#!/bin/bash
# Prints total CPU ticks (1/100 s) of this cluster: postmaster utime+stime+cutime+cstime (cutime/cstime hold the
# exited, reaped children, e.g. the pgbench backends) + utime+stime of every live child of the postmaster.
pm=$(head -1 ${PROTO:-/tmp/proto}/data/postmaster.pid)
tot=0
for f in /proc/[0-9]*/stat; do
  s=$(cat $f 2>/dev/null) || continue
  pid=${s%% *}; rest=${s##*) }
  set -- $rest   # $1=state $2=ppid ... utime=$12 stime=$13 cutime=$14 cstime=$15
  if [ "$pid" = "$pm" ]; then tot=$((tot + ${12} + ${13} + ${14} + ${15}))
  elif [ "$2" = "$pm" ]; then tot=$((tot + ${12} + ${13})); fi
done
echo $tot
