title: Hickory, Dickory, Dock
author: Traditional
language: en-GB
ages: 1-6
mood: playful
kind: rhyme
soundscape: lullaby
licence: public domain
summary: A little mouse runs up the clock and down again.

# Up the clock
picture: pictures/clock.svg | A tall grandfather clock with a round friendly face, and a little brown mouse running up its side.
note: Soft knocks for the tick-tock, fingers walking up the back and down again.
refrain:
[knock x3 light] Hickory, dickory, dock,
[walk x4] the mouse ran up the clock.
[drum light] The clock struck one, {pause 500ms}
[walk x4 light] the mouse ran down,
[knock x3 light] hickory, dickory, dock.

# Tick, tock, sleep
picture: pictures/asleep.svg | The little mouse asleep in a tiny bed made from a matchbox at the foot of the clock.
note: Once more in a whisper, with slow, light strokes.
{refrain}
