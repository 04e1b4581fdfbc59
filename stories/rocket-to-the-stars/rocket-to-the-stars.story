title: Rocket to the Stars
author: touchstory
language: en-GB
ages: 4-9
mood: curious
kind: classroom
soundscape: drone
licence: CC-BY-4.0
summary: Count down, blast off, float among the stars and bounce on the moon, then home again.
ask: Astronauts, ask your partner: may I give you a story massage?
thanks: Thank you, astronaut! Now turn round and swap.

# Countdown
picture: pictures/launch.svg | A round-windowed rocket stands on its launch pad at dusk, with two children in space helmets waving.
note: Demonstrate each stroke on a teddy or a helper first. Pairs sit one behind the other; the child in front may say "softer" or "firmer" at any time.
[calm] Astronauts, helmets on, and hands resting still. Ready?
[drum x5 light] Five, four, three, two, one...
[fan x3] Blast off! The rocket zooms up, up, up into the sky.

# Floating in space
picture: pictures/space.svg | The rocket floats in deep blue space among stars, with the round blue and green Earth below.
[wave x3] Inside, the astronauts float gently, this way and that.
[sprinkle x4 light] Outside, thousands of stars are sparkling.
[circle x2] Far below, the round blue Earth turns slowly.

# On the moon
picture: pictures/moon.svg | Two astronauts bounce across the pale, cratered moon, leaving footprints, with the Earth in the sky.
[bounce x4] The rocket lands on the moon: bump! The astronauts bounce across the dusty ground.
[walk x4] They leave footprints everywhere: step, step, step, step.
[none] What can you see from the moon? {tap}
note: Let one or two children answer before you move on.

# Home again
picture: pictures/home.svg | The rocket's capsule floats down on a striped parachute towards a calm sea at sunset.
[circle x3] On the way home, they pass a planet with rings, going round and round.
[fan x2] The rocket turns for home and glides down through the clouds.
[calm x2] Splashdown! Home again, safe and sound. {pause 2s}
note: Check that everyone's partner is still comfortable, then swap. Anyone who would rather not be touched can fly a teddy to the moon instead.
