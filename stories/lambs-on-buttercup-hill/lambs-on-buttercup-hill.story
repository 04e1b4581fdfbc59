title: The Lambs on Buttercup Hill
author: touchstory
language: en-GB
ages: 2-6
mood: playful
kind: story
soundscape: wind
licence: CC-BY-4.0
summary: Farmer Rosa brings the bouncy lambs down the hill to bed as the sun goes down.

// Bounces for the lambs, a circle for the setting sun, walks for the farmer.

# Sunset on the farm
picture: pictures/sunset.svg | A big orange sun setting behind a green hill dotted with yellow buttercups and fluffy lambs.
[calm] The sun is going down on Buttercup Farm.
[circle x2] It is big and round and orange, sliding down behind the hill.
[walk x4] Farmer Rosa walks up the hill to bring the lambs home: step, step, step, step.

refrain lambs:
[bounce x3] Hop, little lambs, hop, hop, hop,
[calm] time for bed, and time to stop.

# Playing in the grass
picture: pictures/playing.svg | Three little lambs bouncing in the long grass while Farmer Rosa smiles with her crook.
[bounce x4] But the lambs are playing! They bounce and spring in the long grass.
[wave x2] The grass sways in the evening breeze: swish, swash.
{refrain lambs}

# The big red barn
picture: pictures/barn.svg | The lambs follow Farmer Rosa in a line down the hill to a big red barn with its door open.
[walk x3] One by one, the lambs follow Rosa down the hill.
[drum x3 light] Knock, knock, knock on the big barn door.
[squeeze x2] Inside, the mother sheep nuzzle their lambs, soft and warm.
{refrain lambs}

# Night on the farm
picture: pictures/night.svg | The lambs asleep curled up in golden hay inside the barn, with stars shining through the window.
[sprinkle x3 light] The stars come out over the farm,
[calm x2] and the lambs sleep in the hay, all curled up together. {pause 2s}
