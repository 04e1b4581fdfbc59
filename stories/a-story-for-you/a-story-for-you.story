title: A Story for You
author: touchstory
language: en-GB
ages: 3-8
mood: playful
kind: child-led
soundscape: lullaby
licence: CC-BY-4.0
summary: A very short story for a child to give to a grown-up: sun, rain, puddles and a rainbow.
ask: May I give you a story massage?
thanks: Thank you for letting me give you a story massage.

// The child does the strokes on the grown-up's back. Four simple strokes, one minute.

# Hello
picture: pictures/hello.svg | A child stands behind a grown-up sitting on a cushion and rests both hands on the grown-up's back; both are smiling.
note: Grown-up: sit where your child can reach your back easily. Let them choose how to start, and tell them how lovely it feels.
[calm] Hands on your back. Hello! {pause 1s}
[circle x2] Here comes the sun, round and round.

# Rain and puddles
picture: pictures/rain.svg | A small cloud sprinkles rain over puddles where a child in yellow boots is splashing.
[sprinkle x3] Here comes the rain: pitter, patter.
[walk x4] Here come my feet in the puddles: splish, splash, splish, splash.

# The rainbow
picture: pictures/rainbow.svg | A soft rainbow over a green hill, and the child hugging the grown-up from behind.
[fan] Up goes the rainbow, big and wide!
[calm] Hands still. {pause 1s} The end.
note: If your child wants to stop early, thank them just the same. Then you could offer them a turn.
