title: The Four Seasons
author: touchstory
language: en-GB
ages: 4-9
mood: seasonal
kind: classroom
soundscape: rain
licence: CC-BY-4.0
summary: One tree through spring, summer, autumn and winter, for pairs or a circle.

// For a class: each season has its own strokes, and the soundscape changes with it.

# Spring
picture: pictures/spring.svg | A round tree covered in pink blossom on a green hill, with daffodils, a lamb and a light spring shower.
note: Sit in pairs, one behind the other, or in a circle with everyone facing the same way. Show each stroke on a teddy first.
note: Each child asks their partner: "May I give you a story massage?" Anyone who would rather not can massage a teddy instead.
[calm] Once upon a time, the year was fast asleep. Then spring tiptoed in.
[sprinkle x3 light] Soft spring rain fell on the brown earth: pitter, patter.
[fan x3] Little green shoots pushed up, up, up into the light.
[bounce x3] Lambs hopped in the fields: hop, hop, hop.

# Summer
picture: pictures/summer.svg | The same tree in full green leaf under a big warm sun, beside a sandy beach and a blue sea.
soundscape: sea
note: Check in: "Is this OK? Softer or firmer?" Children who use signs can show thumbs up, a flat hand for stop, or a pinch for softer.
[circle x3] In summer, the big warm sun went round and round across the sky.
[wave x3] At the seaside, the waves rolled in and rolled out.
[walk x4] Bare feet walked along the sand: step, step, step, step.
[squeeze x2] We shared our picnic with our friends.

# Autumn
picture: pictures/autumn.svg | The same tree with orange and golden leaves floating down, and a squirrel carrying a nut.
soundscape: wind
note: Remind the class that claws are soft: the pads of the fingers, never the nails.
[wave x2] In autumn, the wind blew through the trees: whoosh, whoosh.
[claw x3 light] Red and golden leaves floated down, down, down.
[walk x3 light] A squirrel scampered about, hiding nuts for the winter.

# Winter
picture: pictures/winter.svg | The same tree with bare branches dusted with snow, a snowman and gentle snowflakes under a pale sky.
[sprinkle x4 light] In winter, snowflakes drifted softly down.
[walk x4 light] Footprints crunched across the snow: crunch, crunch, crunch, crunch.
[circle x2] We rolled a great big snowball, round and round.
[calm x2] And the year went to sleep under its snowy blanket, ready for spring again. {pause 2s}
note: Thank your partner, turn round and swap. Then ask: which season felt the nicest, and why?
