title: Hedgehog's Way Home
author: touchstory
language: en-GB
ages: 3-7
mood: calm
kind: story
soundscape: wind
licence: CC-BY-4.0
summary: Little Hedgehog walks home through the evening forest, and a kind owl keeps her company.

// The claw is used once, very lightly, for prickles brushing through leaves.

# The forest path
picture: pictures/path.svg | A little hedgehog walks along a winding path between tall round trees in the evening forest.
[calm] In the forest the trees are tall, and the evening is quiet.
[walk x6] Little Hedgehog is walking home along the path: trot, trot, trot.
[claw x2 light] Her soft prickles brush through the fallen leaves: scritch, scratch.
note: Keep the claw stroke very light, with the pads of your fingers. Skip it if your child does not like it.

# The kind owl
picture: pictures/owl.svg | A big round brown owl with gentle eyes glides down to a low branch beside the little hedgehog.
[fan x2] Whoo! A big, kind owl spreads her wings and glides down from a branch.
[none] "Are you lost, little one?" she asks. {tap}
[squeeze x2] "No," says Hedgehog, "but I would love some company." So Owl comes too.

# The stream
picture: pictures/stream.svg | The hedgehog hops across round stepping stones over a little stream, while tiny glow-worms shine in the grass.
[wave x3] They come to a stream, rippling and trickling over the stones.
[bounce x3] Hedgehog hops across on the stepping stones: one, two, three.
[sprinkle x3 light] Tiny glow-worms light the way like little stars.

# Home
picture: pictures/home.svg | A round wooden door in an old log with a warm light inside, and the owl perched on a branch above under the moon.
[walk x3 light] At last, there is the old log with the little round door.
[drum x2 light] Knock, knock! Mother Hedgehog opens the door.
[circle x2] Little Hedgehog curls up into a round, prickly ball,
[calm x2] and Owl keeps watch from the tree outside, all night long. {pause 2s}
