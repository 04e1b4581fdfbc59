title: The Sleepy Balloon
author: touchstory
language: en-GB
ages: 3-7
mood: calm
kind: story
soundscape: wind
licence: CC-BY-4.0
summary: Grandpa Bear and Little Bear float over the fields in a striped balloon at sunset.

// Fans for rising, waves for the breeze, circles for the windmill and the sun.

# The meadow
picture: pictures/meadow.svg | A big striped hot-air balloon waits in a meadow of daisies, with two bears beside its basket.
[calm] In a meadow full of daisies, a big striped balloon is waking up.
[fan x3] Whoosh! The warm air fills it, and it grows, and grows, and grows.
[walk x2] Grandpa Bear and Little Bear climb into the basket.

# Up we go
picture: pictures/up.svg | The balloon floats up over patchwork fields and a turning windmill.
[fan x2] Up, up, up floats the balloon, gently into the sky.
[wave x3] The breeze carries it over the fields, this way and that.
[circle x2] Far below, the windmill turns round and round.

# Above the clouds
picture: pictures/clouds.svg | The balloon drifts above fluffy pink clouds while little birds fly past and the sun sets.
[sprinkle x3 light] Little birds flutter past: flip, flap, flutter.
[circle x2] The sun is going down, big and round and rosy,
[bounce x2 light] and the basket bumps softly on a fluffy cloud.

# Home under the stars
picture: pictures/stars.svg | The balloon rests in the meadow under the stars, and the two bears walk home hand in hand.
[wave x2] Slowly, slowly, the balloon drifts down to the meadow.
[walk x3 light] Grandpa Bear and Little Bear walk home, paw in paw,
[calm x2] and the big balloon sleeps in the grass, under the stars. {pause 2s}
