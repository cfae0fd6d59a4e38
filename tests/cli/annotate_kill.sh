#!/bin/sh
# Kills `svpol annotate` mid-run and checks that -o DIR holds only complete files under final
# names: SIGKILL may leave a hidden temporary `.NAME.tmp.PID`, SIGTERM leaves none.
#   annotate_kill.sh SVPOL WORKDIR SIGNAL CORPUS...
set -u
svpol=$1 work=$2 sig=$3
shift 3
rm -rf "$work" && mkdir -p "$work" || exit 1
out=$work/out
"$svpol" annotate -j 1 -f vrt -o "$out" "$@" 2>"$work/stderr" &
pid=$!
# Wait until some documents are written, so the kill comes mid-run.
i=0
while [ "$(ls "$out" 2>/dev/null | wc -l)" -lt 5 ]; do
  i=$((i + 1))
  if [ $i -gt 1200 ] || ! kill -0 $pid 2>/dev/null; then
    echo "annotate ended or wrote nothing before the kill"; cat "$work/stderr"; exit 1
  fi
  sleep 0.05
done
kill -s "$sig" $pid
wait $pid
rc=$?
if [ $rc -eq 0 ]; then echo "annotate finished before the kill (rc 0)"; exit 1; fi
n=0 bad=0
for f in "$out"/*; do
  n=$((n + 1))
  case "$f" in *.vrt) ;; *) echo "unexpected file $f"; bad=1; continue ;; esac
  if [ "$(tail -n 1 "$f")" != "</text>" ] || [ "$(grep -c '^<text ' "$f")" -ne 1 ]; then
    echo "incomplete file under a final name: $f"; bad=1
  fi
done
for f in "$out"/.[!.]*; do
  [ -e "$f" ] || continue
  case "$sig" in
    KILL)
      case "$(basename "$f")" in
        .*.vrt.tmp.$pid) echo "left after SIGKILL (allowed, hidden): $f" ;;
        *) echo "unexpected hidden file $f"; bad=1 ;;
      esac ;;
    *) echo "temporary file left after SIG$sig: $f"; bad=1 ;;
  esac
done
# A stale temporary file of a dead process (as SIGKILL leaves one) goes with the next run.
: > "$out/.stale.vrt.tmp.999999999"
printf 'Vi ska.\n' > "$work/short.txt"
"$svpol" annotate -o "$out" "$work/short.txt" || bad=1
for f in "$out"/.[!.]*; do
  [ -e "$f" ] && { echo "temporary file left after a new run: $f"; bad=1; }
done
echo "killed with SIG$sig (exit $rc) after $n complete files"
exit $bad
