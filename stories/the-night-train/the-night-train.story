title: The Night Train
author: touchstory
language: en-GB
ages: 3-7
mood: sleepy
kind: story
soundscape: drone
licence: CC-BY-4.0
summary: A little blue train carries sleepy animals over the hills to Dreamland Station.

// Circles for the wheels, walks for the clickety-clack, waves for the hills.

# All aboard
picture: pictures/station.svg | A little blue steam train with round glowing windows waits at a tiny station on a hill at dusk.
[calm] At the little station on the hill, the night train is waiting.
[walk x4] Tip, tap, tip, tap: a rabbit, a badger and a duck climb aboard.
[drum x2 light] The guard knocks twice on the door. {pause 1s} Time to go!

refrain train:
[circle x4] Round go the wheels with a sleepy sound,
[walk x4] clickety-clack, clickety-clack, over the ground.

# Over the hills
picture: pictures/hills.svg | The little train crosses a stone bridge over green rolling hills in the evening, with a puff of steam.
[wave x3] The train rolls over the rolling hills, up and down, up and down.
[bounce x3 light] In the fields, the little lambs look up and hop, hop, hop.
[fan x2] A big soft puff of steam floats up into the sky.
{refrain train}

# By the lake
picture: pictures/lake.svg | The train runs beside a still lake that reflects a round moon and many stars.
[sprinkle x3 light] The stars twinkle over the lake, twinkle, twinkle, twinkle,
[circle x2] and the round moon rolls along beside the train, keeping it company.
[calm] Inside, the animals snuggle under their blankets.
{refrain train}

# Dreamland Station
picture: pictures/dreamland.svg | The train rests at a small station lit by lanterns, and the rabbit, badger and duck are asleep at the windows.
[walk x2 light] Slower and slower, the train creeps into Dreamland Station.
[fan light] One last sleepy puff of steam, {pause 1s}
[calm x2] and everyone on the night train is fast asleep. {pause 2s}
