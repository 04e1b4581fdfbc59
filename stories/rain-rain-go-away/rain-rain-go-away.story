title: Rain, Rain, Go Away
author: Traditional
language: en-GB
ages: 1-6
mood: playful
kind: rhyme
soundscape: rain
licence: public domain
summary: Rain on the window, a little one who wants to play, and the sun coming out.

# Rain on the window
picture: pictures/window.svg | A child holding a teddy looks out of a window at soft rain falling on the garden.
note: Say your child's name instead of Johnny, if you like.
[rain x4] Rain, rain, go away,
[sweep x2] come again another day.
[hop x3] Little Johnny wants to play.
[rain x4] Rain, rain, go to Spain,
[sweep x2] never show your face again.

# The sun comes out
picture: pictures/puddles.svg | The rain has stopped; a child in yellow boots jumps in a puddle under a pale rainbow.
soundscape: lullaby
note: Once more, softly, and let the last line end in a still, resting hand.
[sprinkle x4 light] Rain, rain, go away,
[fan x2] come again another day.
[bounce x3 light] Little Johnny wants to play.
