title: Twinkle, Twinkle, Little Star
author: Traditional (words by Jane Taylor, 1806)
language: en-GB
ages: 0-6
mood: sleepy
kind: rhyme
soundscape: lullaby
licence: public domain
summary: The best-loved star rhyme, with twinkly sprinkles and wide sky fans.

// The words are Jane Taylor's poem "The Star" (1806), long in the public domain.

# Twinkle, twinkle
picture: pictures/star.svg | A smiling golden star shines above sleepy rolling hills and a little cottage with a lit window.
refrain star:
[sprinkle x4 light] Twinkle, twinkle, little star,
[circle 2x] how I wonder what you are!

[fan x2] Up above the world so high,
[sprinkle x2 light] like a diamond in the sky.
{refrain star}

# When the blazing sun is gone
picture: pictures/night.svg | A village asleep under a sky full of soft stars, with the last pink glow of sunset low on the hills.
note: Sing this verse more softly, and finish with your hands resting still.
[circle x2] When the blazing sun is gone,
[wave x2] when he nothing shines upon,
[sprinkle x3 light] then you show your little light,
[sprinkle x3 light] twinkle, twinkle, all the night.
{refrain star}
{pause 2s}
