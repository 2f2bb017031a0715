-- Words the benchmark's tweets are made of, and searched for: common enough that a search has
-- many matches to rank, varied enough that it does not match everything.
return {
  "album", "anchor", "apple", "autumn", "bicycle", "breakfast", "bridge", "candle", "canyon",
  "castle", "cello", "cinema", "cloud", "coffee", "comet", "concert", "copper", "cricket",
  "desert", "diamond", "dinner", "dragon", "drum", "eagle", "engine", "falcon", "festival",
  "forest", "fountain", "galaxy", "garden", "glacier", "guitar", "harbor", "hiking", "honey",
  "island", "jacket", "jungle", "kettle", "kitchen", "lantern", "lemon", "library", "lighthouse",
  "marathon", "market", "meadow", "mountain", "museum", "noodle", "ocean", "orchard", "painting",
  "pancake", "parade", "piano", "planet", "pocket", "puzzle", "rainbow", "river", "rocket",
  "running", "sailing", "sandwich", "saturn", "scooter", "shadow", "singing", "skating", "snow",
  "soccer", "spring", "station", "storm", "summer", "sunset", "swimming", "teacher", "temple",
  "thunder", "tiger", "train", "travel", "tulip", "tunnel", "umbrella", "valley", "violin",
  "volcano", "waffle", "walking", "waterfall", "whale", "window", "winter", "wizard", "yoga", "zebra",
}
