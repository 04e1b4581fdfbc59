"""touchstory.audio: the sound of a session, Qt-free.

- `soundscapes`: the seven built-in beds (`SOUNDSCAPES`, `get_soundscape`), made
  with numpy (`synth_nature`, `synth_tonal`, `dsp`) and cached as WAV;
  `userfile.load_user_soundscape` turns the user's own file into a loop.
- `mixer.Mixer`: the pull-based real-time mixer (narration, two soundscape
  layers, cues; ducking, fades, volumes) that outputs and the exporter pull.
- `sleep.SleepTimer`: story-end wind-down and the sleep timer, always fading.
- `output`: the `AudioOutput` protocol and `NullOutput` (the Qt sink lives in
  `touchstory.ui.sound.audio_sink`).
- `export.render_session`: a whole session to WAV/OGG/MP3 through the same mixer.
- `measure`: loudness (LUFS), levels, spectra and seams, for tests and tuning.

Nothing here imports PySide6; modules are imported individually (no re-exports)
so importing one never synthesises or decodes anything.
"""
