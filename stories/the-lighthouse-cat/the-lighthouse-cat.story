title: The Lighthouse Cat
author: touchstory
language: en-GB
ages: 3-7
mood: sleepy
kind: story
soundscape: sea
licence: CC-BY-4.0
summary: Marmalade the lighthouse cat lights the lamp and watches the little boats sail home.

// An original bedtime story for touchstory. Waves for the sea, circles for the
// turning lamp, walks for the cat on the stairs, squeezes for the hugs at home.

# The lighthouse at sunset
picture: pictures/lighthouse.svg | A tall striped lighthouse on a grassy rock by a calm sea at sunset, with a little ginger cat at the top window.
note: Sit behind your child and rest both hands still on their back before you begin.
[calm] Far away, where the land meets the sea, there stands a tall striped lighthouse.
[walk x4] Up the winding stairs pads Marmalade, the lighthouse cat: {pause 1s} step, step, step, step.
[circle x2] From the very top, she watches the big round sun sink slowly into the sea.

refrain:
[wave x2] Swish and hush, says the sleepy sea,
[calm] hush and swish, come and rest with me.

# The lamp
picture: pictures/lamp.svg | The lighthouse lamp glows gold and sends a soft beam across the dark blue water under the first stars.
[circle x3] Click! The great lamp begins to turn, round and round, round and round.
[fan x2] Its golden beam sweeps out across the water, far and wide.
[sprinkle x3 light] One by one, the little stars come out to see.

# The boats come home
picture: pictures/boats.svg | Three little fishing boats with glowing lanterns rock on gentle waves, following the lighthouse beam home.
[wave x3] Out on the water, three little boats are rocking on the waves.
[fan] They follow the golden beam, all the way home to the harbour.
[drum x3 light] Tap, tap, tap go the ropes as the boats are tied up for the night.
[squeeze x2 shoulders] The fishermen hug their children and wave goodnight to the lighthouse.
{refrain}

# Goodnight, sea
picture: pictures/goodnight-sea.svg | Marmalade the cat curled up asleep on a round cushion beside the glowing lamp, with a crescent moon in the window.
[circle x2 light] Marmalade turns round once, turns round twice, on her soft cushion,
[calm] and curls up warm beside the glowing lamp.
[wave] The sea whispers to the shore,
[calm x2] and the lighthouse keeps watch all night, while everyone sleeps. {pause 2s}
