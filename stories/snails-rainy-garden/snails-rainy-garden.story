title: Snail's Rainy Garden
author: touchstory
language: en-GB
ages: 2-6
mood: calm
kind: story
soundscape: rain
licence: CC-BY-4.0
summary: A soft rain falls, Snail goes for a slow walk, and the sun and a rainbow come out.

// Sprinkles for raindrops, a slow light walk for the snail, fans for flowers opening.

# A grey afternoon
picture: pictures/grey.svg | A garden with tall flowers under soft grey clouds, with the first raindrops falling.
[calm] In the garden, the flowers are waiting. The clouds are soft and grey.
[sprinkle x4 light] Pitter, patter, here comes the rain, on the leaves and on the path.

refrain rain:
[sprinkle x3] Pitter, patter, drip, drop,
[calm] the rain says hush, and the garden drinks.

# Snail
picture: pictures/snail.svg | A smiling snail with a spiral shell slides slowly along a wet garden path between leaves.
[walk x3 light] Out comes Snail, very slowly, with his house on his back.
[wave x2] He slides along the wet path in a long, wiggly line.
[circle x2] His shell is a spiral that goes round and round and round.
{refrain rain}

# The sun comes back
picture: pictures/sun.svg | The clouds drift apart, a warm round sun shines, and the garden flowers open wide.
[fan x2] The clouds drift away, and out comes the sun.
[circle x3] The warm round sun shines down on the garden.
[fan x3] The flowers open up and stretch up, up, up towards the light.

# The rainbow
picture: pictures/rainbow.svg | A soft rainbow arches over the garden while Snail rests under a big leaf and a little bird sits on the fence.
[wave x2] A rainbow stretches across the sky, from one side to the other.
[bounce x2 light] A little bird hops along the fence to see.
[calm x2] And Snail tucks into his shell for a long, cosy nap. {pause 2s}
