#!/usr/bin/env bash
# Crash test: kills the real planner with SIGKILL at random moments while it
# saves a large mission, over and over, and checks after each kill that
#   - the mission file is the version before the save or the one after it,
#     byte for byte, and loads (`itinera check` exits 0);
#   - FILE.bak, when there is one, is a complete earlier version;
#   - the next start of the planner leaves no temporary file of a save
#     (`.NAME.XXXXXX`, `.NAME.bak.XXXXXX`) behind.
#
# Usage: scripts/crash-test.sh [KILLS]     (default 300)
# Environment: VISITS (default 10000), SEED (default 1), ITINERA (the
# binary; default target/release/itinera, built if missing), KEEP=1 keeps
# the work directory. Needs tmux. Takes 4 to 6 s a kill on a busy machine.
#
# The planner runs in tmux at 100x30 with its own data and configuration
# directories. Each round starts it, waits for its first frame, changes the
# mission's title (`m`, the new title, Enter), presses Ctrl-S and kills it
# after a random delay between 0 and 1.3 times the longest save measured
# before the kills start.
set -euo pipefail
cd "$(dirname "$0")/.."

KILLS=${1:-300}
VISITS=${VISITS:-10000}
RANDOM=${SEED:-1}
BIN=${ITINERA:-target/release/itinera}
if [[ -z ${ITINERA:-} && ! -x $BIN ]]; then
    cargo build --release --locked
fi
BIN=$(realpath "$BIN")
command -v tmux >/dev/null || { echo "crash-test: tmux is needed" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/itinera-crash.XXXXXX")
SESSION="itinera-crash-$$"
MISSION="$WORK/m.toml"
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
cleanup() {
    tmux kill-session -t "$SESSION" 2>/dev/null || true
    if [[ ${KEEP:-} == 1 ]]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A mission of $VISITS visits over the 365 days of 2030, 20 participants.
awk -v n="$VISITS" 'BEGIN {
    printf "format = 1\n\n[mission]\ntitle = \"Crash test 0\"\nstart = 2030-01-01\n"
    printf "end = 2030-12-31\ntimezone = \"Asia/Tokyo\"\nhome_timezone = \"Europe/Rome\"\n"
    for (p = 0; p < 20; p++)
        printf "\n[[participants]]\nid = \"p%d\"\nname = \"Participant %d\"\n", p, p
    split("31 28 31 30 31 30 31 31 30 31 30 31", days, " ")
    per = int((n + 364) / 365)
    step = int(16 * 60 / per)
    for (v = 0; v < n; v++) {
        d = int(v / per); slot = v % per; m = 1
        while (d >= days[m]) { d -= days[m]; m++ }
        start = 6 * 60 + slot * step
        printf "\n# Visit %d\n[[visits]]\nid = \"v%d\"\ndate = 2030-%02d-%02d\n", v, v, m, d + 1
        printf "start = %02d:%02d\nend = %02d:%02d\n", start / 60, start % 60, (start + step) / 60, (start + step) % 60
        printf "title = \"Visit number %d to an innovation hub\"\nkind = \"visit\"\n", v
        printf "participants = [\"p%d\", \"p%d\"]\nnotes = \"Notes for visit %d.\"\n", v % 20, (v + 7) % 20, v
    }
}' >"$MISSION"
"$BIN" check "$MISSION" >/dev/null

now_ms() { echo $(($(date +%s%N) / 1000000)); }
screen() { tmux capture-pane -p -t "$SESSION" 2>/dev/null || true; }
# Waits (up to 60 s) until the screen shows $1.
wait_for() {
    local deadline=$(($(now_ms) + 60000))
    until screen | grep -qF -- "$1"; do
        if (($(now_ms) > deadline)); then
            echo "crash-test: timed out waiting for '$1'; screen:" >&2
            screen >&2
            exit 1
        fi
        sleep 0.01
    done
}
strays() {
    find "$WORK" -maxdepth 1 -name '.m.toml.*' | grep -cE '/\.m\.toml\.(bak\.)?[A-Za-z0-9]{6}$' || true
}
# Starts the planner and waits for its first frame; prints its pid.
start() {
    tmux kill-session -t "$SESSION" 2>/dev/null || true
    tmux new-session -d -s "$SESSION" -x 100 -y 30 "exec '$BIN' '$MISSION'"
    wait_for "Delegation"
    tmux display-message -p -t "$SESSION" '#{pane_pid}'
}
# The mission as it is with the title set to $1.
retitled() { sed "0,/^title = \"Crash test [^\"]*\"\$/s//title = \"Crash test $1\"/" "$MISSION"; }
# Sets the title to "Crash test $1" in the form and waits until it shows.
edit_title() {
    tmux send-keys -t "$SESSION" m
    wait_for "Edit mission"
    tmux send-keys -t "$SESSION" End C-u "Crash test $1" Enter
    wait_for "Crash test $1"
}

# Calibration: three saves that are not interrupted, timed from Ctrl-S to
# the status bar's "Saved".
pid=$(start)
longest=0
for round in 1 2 3; do
    retitled "c$round" >"$WORK/expected"
    expected=$(sha256sum <"$WORK/expected")
    edit_title "c$round"
    began=$(now_ms)
    tmux send-keys -t "$SESSION" C-s
    wait_for "Saved m.toml"
    took=$(($(now_ms) - began))
    ((took > longest)) && longest=$took
    if [[ $(sha256sum <"$MISSION") != "$expected" ]]; then
        echo "crash-test: the save wrote something else:" >&2
        diff "$WORK/expected" "$MISSION" | head -20 >&2 || true
        exit 1
    fi
done
window=$((longest * 13 / 10))
kill -KILL "$pid"
echo "mission: $VISITS visits, $(stat -c %s "$MISSION") bytes; longest save ${longest} ms; kills within ${window} ms of Ctrl-S"

old=0 new=0 other=0 left=0 left_files=0 after=0 bad_backup=0
for ((kill = 1; kill <= KILLS; kill++)); do
    pid=$(start)
    n=$(strays)
    if ((n > 0)); then
        after=$((after + 1))
        echo "kill $((kill - 1)): $n temporary file(s) still there after the next start" >&2
    fi
    before=$(sha256sum <"$MISSION")
    retitled "$kill" >"$WORK/expected"
    expected=$(sha256sum <"$WORK/expected")
    edit_title "$kill"
    delay=$((RANDOM * 32768 + RANDOM))
    delay=$((delay % (window + 1)))
    tmux send-keys -t "$SESSION" C-s
    sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.005; done
    now=$(sha256sum <"$MISSION")
    if [[ $now == "$before" ]] && "$BIN" check "$MISSION" >/dev/null; then
        old=$((old + 1))
    elif [[ $now == "$expected" ]] && "$BIN" check "$MISSION" >/dev/null; then
        new=$((new + 1))
    else
        other=$((other + 1))
        cp "$MISSION" "$WORK/other-$kill.toml"
        echo "kill $kill after ${delay} ms: the mission is neither version (kept in other-$kill.toml)" >&2
        KEEP=1
    fi
    if [[ -e $MISSION.bak ]] && ! "$BIN" check "$MISSION.bak" >/dev/null; then
        bad_backup=$((bad_backup + 1))
        echo "kill $kill: m.toml.bak does not load" >&2
    fi
    n=$(strays)
    if ((n > 0)); then
        left=$((left + 1))
        left_files=$((left_files + n))
    fi
    if ((kill % 25 == 0)); then
        echo "$kill kills: $old old, $new new, $other other"
    fi
done
start >/dev/null
n=$(strays)
((n > 0)) && after=$((after + 1))
tmux kill-session -t "$SESSION" 2>/dev/null || true

echo "kills: $KILLS; the file was the old version $old times, the new $new, other $other"
echo "backups that do not load: $bad_backup"
echo "kills that left temporary files: $left ($left_files files); starts after a kill that found any left: $after"
((other == 0 && bad_backup == 0 && after == 0))
