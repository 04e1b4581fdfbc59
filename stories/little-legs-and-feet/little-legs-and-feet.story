title: Little Legs and Little Feet
author: touchstory
language: en-GB
ages: 0-1
mood: calm
kind: routine
pack: infant
soundscape: heartbeat
licence: CC-BY-4.0
summary: A gentle baby massage for the legs and feet, with a little rhyme for every stroke.
ask: Hello, little one. May I massage your legs and feet?
thanks: Thank you, little one. All done, and all cosy.

// Legs and feet are a good place to begin: most babies are happy to have them touched.

# Getting ready
picture: pictures/ready.svg | A smiling baby lying on a soft blanket while a grown-up's warm hands rest gently on the baby's legs.
note: Only when your baby is awake, calm and content: never when crying, asleep, unwell or just fed. Read the safety checklist first.
note: Warm your hands. Signs your baby is enjoying it: eye contact, relaxed hands, smiles and coos.
[resting-hands legs] Hello, little legs, and hello, little feet, {pause 1s} warm hands say hello to you, my sweet.
[stroking x3 legs] Long and slow, long and slow, from your hip down to your toe.

# Little legs
picture: pictures/legs.svg | A grown-up's hands glide softly down a baby's leg while the baby looks up and smiles.
[leg-milking x4] One hand, then the other hand, gliding down so slow,
[leg-milking x2] from the top of your leg to the tip of your toe.
[kneading x3] Squeeze and let go, squeeze and let go, soft as a cloud and gentle and slow.
[rocking x3 legs] Rock-a-bye legs, to and fro, like a little boat where the soft waves go.
note: If your baby turns away, arches, cries, hiccups or yawns a lot, stop and simply hold them. You can try again another day.

# Little feet
picture: pictures/feet.svg | A grown-up's thumbs stroke the sole of a tiny foot, with five round little toes.
[foot-thumbs x4] Thumbs go walking, heel to toe, little steps, and off we go.
[toe-roll x5] Roll a toe, and roll a toe, five little toes all in a row.
[compression x2 feet] Warm, still hands around your feet, snug as a bug, so soft and sweet.
[holding feet] Hands stay still. {pause 3s}
note: Now the other leg and foot, but only if your baby is still enjoying it. Stopping early is always fine.
