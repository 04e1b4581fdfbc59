title: Hello Hands, Hello Face
author: touchstory
language: en-GB
ages: 0-1
mood: calm
kind: routine
pack: infant
soundscape: heartbeat
licence: CC-BY-4.0
summary: Arm glides, open palms and a feather-light smile, with a rhyme to say as you go.
ask: Hello, little one. Shall we say hello to your hands?
thanks: Thank you, little one. What lovely hands you have.

# Little arms
picture: pictures/arms.svg | A grown-up's hand glides softly down a baby's arm from the shoulder to the little hand.
note: Babies often hold their arms close. Never pull an arm straight; follow where it wants to be.
note: Enjoying it: eye contact, smiles, open hands, cooing. Had enough: turning away, fists, crying, hiccups, yawning. Then stop and just hold your baby.
[resting-hands chest] Hello, little one, my hands are here. {pause 1s}
[arm-glide x4] Down your arm my hand will slide, from shoulder to fingers, a gentle ride.
[kneading x3 arms] Squeeze and let go, soft and slow, all the way down, and there we go.

# Little hands
picture: pictures/hands.svg | A smiling baby on the blanket holds one hand open like a flower and curls the other round a grown-up's finger.
[palm-open x3] Open your hand like a flower in the sun, petal by petal, every one.
[palm-open x2 light] Curl round my finger and hold on tight, little hand, so soft and light.
note: Now the other arm and hand, if your baby is still happy.

# Little face
picture: pictures/face.svg | A close view of a smiling baby's face while a grown-up's thumbs trace a soft line above the eyebrows.
note: Face strokes are feather-light, and many babies would rather skip them. Leave them out if your baby turns away.
[face-smile x2] A soft line here, across your brow,
[face-smile x2] and a little smile... you're smiling now!
[resting-hands] Hands so still, and eyes so bright. {pause 3s}
