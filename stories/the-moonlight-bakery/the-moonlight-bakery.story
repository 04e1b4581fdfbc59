title: The Moonlight Bakery
author: touchstory
language: en-GB
ages: 3-7
mood: cosy
kind: story
soundscape: lullaby
licence: CC-BY-4.0
summary: Bramble the badger bakes warm bread all night, so the town wakes up to breakfast.

// Sprinkles for flour, circles for stirring, squeezes for kneading, a fan for the
// dough rising and a soft drum for the oven door.

# The little bakery
picture: pictures/bakery.svg | A little bakery with a round glowing window on a cobbled lane at night, under a crescent moon.
[calm] At the end of Crumb Lane there is a little bakery with a round yellow window.
[walk x4] Every evening, Bramble the badger walks in and ties on her stripy apron.

# Mixing the dough
picture: pictures/mixing.svg | Bramble the badger in a stripy apron stirs a big bowl with a wooden spoon, with a cloud of flour.
[sprinkle x3 light] Sprinkle, sprinkle goes the flour, as soft as snow,
[circle x3] and round and round goes the big wooden spoon.
[squeeze x4 shoulders] Then Bramble kneads the dough: squeeze and press, squeeze and press.

# Rising
picture: pictures/rising.svg | A bowl of dough rising up like a round cloud beside a warm oven, while Bramble sips a mug of cocoa.
[fan x2] By the warm oven, the dough grows and grows, up and out.
[calm] Bramble sits down for a little rest and a cup of cocoa.
[drum x2 light] Knock, knock! She taps the oven door. Is it warm? {pause 1s} Yes!

# Into the oven
picture: pictures/oven.svg | Round loaves and curly buns baking in a glowing oven, with warm smells drifting out of the window.
[circle x2] In go the round loaves and the curly buns.
[wave x2] The warm smell floats out of the window and all the way down Crumb Lane.
[sprinkle x2 light] Out in the street, two sleepy hedgehogs sniff, sniff, sniff.

# Morning bread
picture: pictures/morning.svg | Shelves full of golden loaves in the bakery as the sky turns pink at dawn, and Bramble waves goodbye.
[walk x3] Bramble sets the bread out on the shelves: one, two, three.
[fan] She hangs up her stripy apron and has a big, happy stretch,
[calm x2] and tiptoes home to her cosy bed, just as the first bird sings. {pause 2s}
