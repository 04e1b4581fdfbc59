title: Hey Diddle Diddle
author: Traditional
language: en-GB
ages: 1-6
mood: silly
kind: rhyme
soundscape: lullaby
licence: public domain
summary: A fiddling cat, a jumping cow, a laughing dog, and a dish and spoon running off together.

# The cow and the moon
picture: pictures/moon.svg | A cat plays a fiddle on a hill while a smiling cow leaps high over a big crescent moon.
[drum x2 light] Hey diddle diddle,
[wave x2] the cat and the fiddle,
[fan x2] the cow jumped over the moon;

# The dish and the spoon
picture: pictures/spoon.svg | A little dog laughs while a smiling dish and spoon run away hand in hand across the grass.
[bounce x3 light] the little dog laughed to see such sport,
[walk x4 light] and the dish ran away with the spoon.
{pause 1s}
note: Say it all again more slowly if your child would like another turn.
