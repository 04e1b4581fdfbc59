title: Under the Sea
author: touchstory
language: en-GB
ages: 4-9
mood: curious
kind: classroom
soundscape: sea
licence: CC-BY-4.0
summary: Dive under the waves to meet a crab, a turtle, a friendly octopus and a gentle whale.

# Diving down
picture: pictures/dive.svg | Two children in snorkels dive under gentle blue-green waves, with bubbles rising around them.
note: Sit in pairs or in a circle, caterpillar style. Show the strokes on a teddy first, and remind everyone to ask their partner first.
[calm] Take a deep breath. Let's dive down, deep under the sea.
[wave x3] The waves roll over our heads: swish, swash.
[sprinkle x3 light] Little bubbles float up to the top: pop, pop, pop.

# The coral reef
picture: pictures/reef.svg | A coral reef with soft pink and orange corals, swaying seaweed, a crab on the sand and a sea turtle swimming.
[fan x3] Tall seaweed grows up, up, up, swaying in the water.
[walk x4] A crab walks sideways along the sand: scuttle, scuttle.
note: Show the crab walking sideways across the back, from one side to the other.
[circle x2] A sea turtle swims round and round the coral.

# The friendly octopus
picture: pictures/octopus.svg | A smiling purple octopus waves its soft curly arms among shells on the sea floor.
[squeeze x3] A friendly octopus gives gentle hugs: squeeze, squeeze, squeeze.
[claw x2 light] Its soft, curly arms drift slowly down.
[drum x2 light] A little hermit crab knocks on its shell: knock, knock. Is anybody home?

# Back to the shore
picture: pictures/whale.svg | A big gentle blue whale carries the two children up towards the sunny surface and a sandy shore.
[fan x2] A big, gentle whale swims up and carries us to the top.
[wave x2] We float back to the shore on the soft waves,
[calm x2] and lie on the warm sand, listening to the sea. {pause 2s}
note: Thank your partner and swap. In a circle, everyone turns round so the back of the line becomes the front.
