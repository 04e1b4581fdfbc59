title: This Little Piggy
author: Traditional
language: en-GB
ages: 0-5
mood: silly
kind: rhyme
soundscape: lullaby
licence: public domain
summary: One toe for every piggy, and a tiptoe walk all the way home.

# To market
picture: pictures/market.svg | A little pink pig with a basket trots to a market stall, while another pig waves from a cottage door.
note: Hold your child's foot and give one toe a gentle squeeze for each line, starting with the big toe. The last piggy walks up the leg.
refrain:
[squeeze feet light] This little piggy went to market,
[squeeze feet light] this little piggy stayed at home,
[squeeze feet light] this little piggy had roast beef,
[squeeze feet light] this little piggy had none,
[walk x4 legs light] and this little piggy cried, "Wee, wee, wee!" all the way home.

# Home to bed
picture: pictures/home.svg | Five little pigs asleep in a row in a cosy straw bed under a patchwork blanket.
note: Now the other foot, slower and softer.
{refrain}
