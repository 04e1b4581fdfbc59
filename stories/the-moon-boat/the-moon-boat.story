title: The Moon Boat
author: touchstory
language: en-GB
ages: 3-7
mood: sleepy
kind: story
soundscape: lullaby
licence: CC-BY-4.0
summary: Nell sails the night sky in a little crescent-moon boat and floats home to bed.

// Waves for the rocking boat, sprinkles for the stars, a fan for floating up.

# The moon boat
picture: pictures/window.svg | A girl in pyjamas at her bedroom window waves to a little boat shaped like a crescent moon floating outside.
[calm] Each night, when the sky turns deep and blue, a little moon boat sails across it.
[wave x3] It rocks on the clouds, gently, gently, this way and that.
[fan x2] Tonight it floats down to Nell's window, and Nell climbs in.

refrain:
[wave x2] Sail, little moon boat, sail so slow,
[sprinkle x2 light] past all the stars in a silver row.

# Among the stars
picture: pictures/stars.svg | Nell sits in the crescent moon boat among golden stars, and a ringed planet drifts by.
[sprinkle x4 light] Nell reaches out and touches the stars: tink, tink, tink, tink.
[circle x2] A round yellow planet spins slowly by,
[walk x3 light] and a little comet tiptoes past with its sparkly tail.
{refrain}

# Over the clouds
picture: pictures/clouds.svg | The moon boat floats over soft, puffy clouds like pillows, with Nell resting her chin on the side.
[fan x2] They float over soft clouds, as puffy as pillows.
[bounce x3 light] Nell bounces on one, very gently: boing, boing, boing.
[wave x2] The night breeze blows softly over the clouds.
{refrain}

# Home to bed
picture: pictures/home.svg | Nell asleep in her bed under a patchwork quilt while the crescent moon smiles through the window.
[walk x3 light] The moon boat drifts home, and Nell climbs back into bed.
[circle] The moon smiles down, round and kind,
[calm x2] and Nell sleeps, tucked up warm, until the morning. {pause 2s}
