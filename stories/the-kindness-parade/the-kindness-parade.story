title: The Kindness Parade
author: touchstory
language: en-GB
ages: 4-9
mood: lively
kind: classroom
soundscape: lullaby
licence: CC-BY-4.0
summary: The animals of Bramble Wood march in a parade, and everyone finds a way to be kind.

// A friendship story for PSHE. It starts lively and ends quiet and still.

# Getting ready
picture: pictures/ready.svg | A bear with a small drum leads a line of woodland animals with flags between the trees.
note: This works well in a circle, caterpillar style: everyone sits one behind the other and massages the back in front.
note: Agree hand signals first: thumbs up for "yes", a flat hand for "stop", a pinch for "softer".
[calm] In Bramble Wood, the animals are getting ready for a parade.
[walk x4] Bear leads the way: step, step, step, step.
[drum x3 light] Boom, boom, boom goes Bear's drum, softly.

# Little Mouse
picture: pictures/mouse.svg | A shy little mouse peeps out from behind a mushroom while a rabbit holds out a friendly paw.
[sprinkle x3 light] Little Mouse peeps out, shy and quiet: tiptoe, tiptoe.
[squeeze x2] Rabbit gives her a kind hug. "Come and walk with us!"
[walk x4 light] So Little Mouse joins the parade.

# Helping hands
picture: pictures/hat.svg | An owl swoops down carrying a frog's little green hat back to him, and the animals hold hands in a ring.
[bounce x3] Frog hops along, but oops! His hat falls off.
[fan x2] Owl swoops down and brings it back to him.
[circle x2] Everyone holds hands and dances round and round.
note: Pause and ask: who was kind just now? How did Frog feel?

# Quiet time
picture: pictures/quiet.svg | The animals sit together on a blanket under a tree at sunset, sharing cake and smiling.
[drum x2 light] At the end of the parade there is a party: tap, tap goes the drum.
[squeeze x2] Everyone says thank you to a friend.
[calm x2] Then they all sit down together, quiet and happy. {pause 2s}
note: Thank your partner, turn round and swap. Ask: what kind thing could you do today?
