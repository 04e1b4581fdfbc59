"""The shell's sound: the live soundscape under a story (live_sound.py), the
narrator (narration.py), the Qt audio output (audio_sink.py) and the one object
the app hands to every window for both (sound_and_voice.py)."""
