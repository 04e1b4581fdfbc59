title: Row, Row, Row Your Boat
author: Traditional
language: en-GB
ages: 0-6
mood: sleepy
kind: rhyme
soundscape: lullaby
licence: public domain
summary: A rowing rhyme that gets slower and dreamier each time round.

// This rhyme has no page headings at the start: its first page has no title.
picture: pictures/boat.svg | A little wooden rowing boat with a teddy bear at the oars drifts down a calm stream between willow trees.
note: Sway gently side to side with the waves. Sing it a little slower each time.
refrain:
[sway x2] Row, row, row your boat
[wave] gently down the stream.
[bounce x4 light] Merrily, merrily, merrily, merrily,
[calm] life is but a dream.

{pause 1s}
{refrain}

# Drifting
picture: pictures/dream.svg | The little boat drifts along the stream under a crescent moon, the teddy asleep with the oars resting.
note: The last time, almost in a whisper, then rest your hands still.
{refrain}
{pause 2s}
