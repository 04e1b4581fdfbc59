title: Sleepy Back
author: touchstory
language: en-GB
ages: 0-1
mood: sleepy
kind: routine
pack: infant
soundscape: lullaby
licence: CC-BY-4.0
summary: Long glides and little circles on your baby's back, for an awake baby lying on the tummy.
ask: Hello, little one. May I give your back a massage?

# Hello, back
picture: pictures/hello.svg | A baby lying on its tummy on a soft blanket, head turned to one side and smiling, with a grown-up's hands resting on its back.
note: For an awake baby who enjoys lying on the tummy, on the floor or across your lap. If your baby falls asleep, stop and lay them on their back to sleep.
note: Good signs: relaxed body, soft sounds, settling. Stop and hold your baby if they lift their head to cry, arch, hiccup or seem cross.
[resting-hands back] Hands on your back, so warm and wide, {pause 1s} I'm right here, right by your side.
[back-glide x3] Back and forth, and to and fro, across your back my hands will go.
[back-glide x2] Now long and slow, from your neck down low.

# Little circles
picture: pictures/circles.svg | A grown-up's fingertips make small circles beside a baby's spine, with soft ripple rings drawn around them.
[back-circles x3] Little circles, round and round, like raindrops making rings on the ground.
note: Make the circles beside the spine, never on it.
[compression x2 back] A warm, still press, then lift so slow, {pause 1s} and let it go.

# Rock and rest
picture: pictures/rest.svg | The baby lies calm and content on the blanket, with a grown-up's hand resting still on its back and stars outside the window.
[rocking x3 back] Rock-a-bye, gently, side to side,
[stroking x2 back] one last stroke, long and wide,
[resting-hands back] and hands stay still, so snug and warm. {pause 3s}
