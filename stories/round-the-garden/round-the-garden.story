title: Round and Round the Garden
author: Traditional
language: en-GB
ages: 0-5
mood: playful
kind: rhyme
soundscape: wind
licence: public domain
summary: Circles on the palm, two steps up the arm, and a gentle tickle.

# Round the garden
picture: pictures/garden.svg | A teddy bear walks round a circular garden path between flowers and a little tree.
note: Hold your child's hand palm up and draw the circles on the palm. At bedtime, make the tickle a soft squeeze instead.
refrain:
[round x2 hands light] Round and round the garden,
[round x2 hands light] like a teddy bear;
[steps x2 arms light] one step, two step,
[sprinkle x3 arms light] tickle you under there!

# The other hand
picture: pictures/teddy.svg | The teddy bear sits down for a rest under a little tree in the garden, among the flowers.
note: Now the other hand. The last time, go very slowly.
{refrain}
{refrain}
