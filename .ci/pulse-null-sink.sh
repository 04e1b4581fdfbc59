# Start a PulseAudio daemon whose default output is a null sink, so audio tests can
# play for real and record what reached the output (parecord -d test_null.monitor).
#
# Meant to be *sourced* by .ci/run:   . .ci/pulse-null-sink.sh
# - idempotent: a running daemon and an existing sink are reused, never doubled;
# - harmless: with no pulseaudio/pactl installed it prints one line and returns 0;
# - never exits the caller's shell and does not change its shell options.
# Afterwards TOUCHSTORY_NULL_SINK holds the sink name when the sink is ready.

touchstory_pulse_null_sink() {
    local sink="${TOUCHSTORY_NULL_SINK_NAME:-test_null}"
    if ! command -v pulseaudio >/dev/null 2>&1 || ! command -v pactl >/dev/null 2>&1; then
        echo "pulse-null-sink: pulseaudio/pactl not installed; real-playback tests will skip" >&2
        return 0
    fi
    if ! pactl info >/dev/null 2>&1; then
        # --exit-idle-time=-1: CI steps may be idle for a while between tests.
        # As root (containers) pulseaudio warns but runs; --system is not wanted here.
        pulseaudio -D --exit-idle-time=-1 --disallow-exit --log-target=stderr \
            >/dev/null 2>&1 || true
        local i
        for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
            pactl info >/dev/null 2>&1 && break
            sleep 0.25
        done
    fi
    if ! pactl info >/dev/null 2>&1; then
        echo "pulse-null-sink: could not start pulseaudio; real-playback tests will skip" >&2
        return 0
    fi
    if ! pactl list short sinks 2>/dev/null | cut -f2 | grep -qx "$sink"; then
        pactl load-module module-null-sink "sink_name=$sink" \
            "sink_properties=device.description=touchstory-test-null" >/dev/null 2>&1 || true
    fi
    if pactl list short sinks 2>/dev/null | cut -f2 | grep -qx "$sink"; then
        pactl set-default-sink "$sink" >/dev/null 2>&1 || true
        export TOUCHSTORY_NULL_SINK="$sink"
        echo "pulse-null-sink: default sink is $sink (record from $sink.monitor)" >&2
    else
        echo "pulse-null-sink: could not create the null sink; real-playback tests will skip" >&2
    fi
    return 0
}

touchstory_pulse_null_sink
unset -f touchstory_pulse_null_sink
