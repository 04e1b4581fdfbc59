title: The First Snow
author: touchstory
language: en-GB
ages: 2-6
mood: seasonal
kind: story
soundscape: wind
licence: CC-BY-4.0
summary: Little Fox and Rabbit make footprints and a snow friend, then snuggle up in the warm den.

// Sprinkles for snowflakes, walks and bounces for footprints, circles for rolling a snowball.

# The grey sky
picture: pictures/grey-sky.svg | A quiet meadow at dusk under a soft grey-blue sky, with the first snowflakes drifting down over pine trees.
[calm] One winter evening, the sky over the meadow is soft and grey.
[sprinkle x3 light] Then, one by one, tiny snowflakes begin to fall.
[sprinkle x4] More and more they come, tumbling softly down,
[fan x2] until the whole meadow is tucked under a snowy blanket.

# Footprints
picture: pictures/footprints.svg | A little orange fox and a grey rabbit make footprints across the snowy meadow.
[walk x4] Little Fox steps out of her den: pad, pad, pad, pad.
[bounce x4] Rabbit hops after her: hop, hop, hop, hop.
[none] Can you see their footprints in the snow? {tap}

# The snow friend
picture: pictures/snow-friend.svg | Fox and Rabbit beside a round snow friend with pebble eyes, a berry nose and a twig smile.
[circle x3] Together they roll a snowball, round and round, bigger and bigger,
[circle x2 light] then a smaller one for a head.
[sprinkle x2 light] Two pebble eyes, a red berry nose, and a twig for a smile.
[wave x2] The wind sighs softly through the pine trees: whoo, whoo.

# The warm den
picture: pictures/den.svg | Fox and Rabbit curled up together asleep in a cosy den under the snowy roots of a tree, while snow falls outside.
[walk x3 light] Fox and Rabbit pad home through the quiet snow,
[squeeze x2] and snuggle up close in the warm den,
[calm x2] listening to the snow falling, falling, {pause 1s} hush. {pause 2s}
