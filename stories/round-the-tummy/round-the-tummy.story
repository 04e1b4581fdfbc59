title: Round the Tummy
author: touchstory
language: en-GB
ages: 0-1
mood: calm
kind: routine
pack: infant
soundscape: heartbeat
licence: CC-BY-4.0
summary: Soft paddles, slow circles and an open book for the tummy and chest, with a gentle rhyme.
ask: Hello, little one. Shall we say hello to your tummy?

# Hands on the tummy
picture: pictures/hello.svg | A baby lying on a blanket with a grown-up's warm hand resting on the tummy, a soft mobile of stars above.
note: Wait at least half an hour after a feed (30 to 45 minutes is better). Use very light pressure on the tummy.
note: Watch for "more please": looking at you, relaxed arms and legs, soft sounds. Watch for "that's enough": turning away, arching, crying, hiccups, yawning. Then stop and just hold your baby.
[resting-hands] Hands on your tummy, warm and still, {pause 1s} we'll go slowly, as slow as you will.
[tummy-paddle x4] Paddle, paddle, down we go, like a little water wheel, turning slow.
[tummy-clock x3] Round like the sun and round like the moon, round goes my hand to a sleepy tune.

# Open the book
picture: pictures/book.svg | A grown-up's hands glide outwards across a baby's chest, like opening a book, while the baby smiles.
[open-book x3] Open the book and smooth the page, {pause 500ms} out to the sides, slow and gentle.
[stroking x2 chest] Down from your chest to your tummy so round, soft as a feather and not a sound.
note: If your baby's skin looks red or your baby seems unsettled, stop. There is always another day.

# Rock and rest
picture: pictures/rest.svg | A baby wrapped in a soft blanket rests calmly under the grown-up's still hands, with a crescent moon in the window.
[rocking x3] Rock a little, side to side, like a boat on the evening tide.
[resting-hands] Hands stay still, and all is well. Rest now, little one. {pause 3s}
