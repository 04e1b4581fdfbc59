"""touchstory.speech: narration. A SpeechEngine protocol (engine.py) with the
pyttsx3 worker-process engine (pyttsx3_engine.py, _worker.py), a fake and a
null engine; the on-disk cache (cache.py); render-ahead (prefetch.py); voice
choice (voices.py); word timing for highlighting (words.py).

Kept import-free on purpose: the worker process imports this package and its
start-up time counts towards "first line ready"."""
