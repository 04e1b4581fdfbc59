title: Incy Wincy Spider
author: Traditional
language: en-GB
ages: 1-6
mood: playful
kind: rhyme
soundscape: rain
licence: public domain
summary: Up the spout, down with the rain, and up again in the sunshine.

# Up the water spout
picture: pictures/spout.svg | A friendly little spider climbs up a drainpipe while raindrops fall from a soft grey cloud.
note: Walk your fingers up the back for the spider; let the rain sprinkle down.
refrain:
[walk x4] Incy Wincy spider climbed up the water spout.
[sprinkle x4] Down came the rain and washed the spider out.
[circle x2] Out came the sunshine and dried up all the rain,
[walk x4] and Incy Wincy spider climbed up the spout again.

# In the sunshine
picture: pictures/sunshine.svg | The little spider sits in warm sunshine on top of the drainpipe beside a pot of flowers.
note: Once more, slower and softer, with light fingers.
{refrain}
{pause 1.5s}
