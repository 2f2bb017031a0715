package io.flotilla.tweets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Made-up tweets for a big timeline, after DeathStarBench's social network: a few words with
 * mentions of other generated users, hashtags and links, by authors {@code gen_1} to {@code
 * gen_<users>}, one in ten with a tag and one in twenty private.
 *
 * <p>An author's account id is derived from its name (a name-based UUID, never one the users
 * service draws), so that the generated users' tweets stay theirs: no real account can change them,
 * even one that registers the same username.
 */
final class TweetGenerator {

  static final String USERNAME_PREFIX = "gen_";

  /** A tweet to write, and who writes it. */
  record Generated(Author author, Draft draft) {}

  // Common words, and the nouns the benchmark searches for (bench/lua/words.lua).
  private static final List<String> WORDS =
      List.of(
          ("just today love new great going best time day really happy first last never "
                  + "always night morning week friends people little big good bad better finally "
                  + "again here there what when why how about with after before into from my your "
                  + "our this that the a and but so is was will can't don't wait see try think "
                  + "know want need feel watch album anchor apple autumn bicycle breakfast bridge "
                  + "candle canyon castle cello cinema cloud coffee comet concert copper cricket "
                  + "desert diamond dinner dragon drum eagle engine falcon festival forest "
                  + "fountain galaxy garden glacier guitar harbor hiking honey island jacket "
                  + "jungle kettle kitchen lantern lemon library lighthouse marathon market "
                  + "meadow mountain museum noodle ocean orchard painting pancake parade piano "
                  + "planet pocket puzzle rainbow river rocket running sailing sandwich saturn "
                  + "scooter shadow singing skating snow soccer spring station storm summer "
                  + "sunset swimming teacher temple thunder tiger train travel tulip tunnel "
                  + "umbrella valley violin volcano waffle walking waterfall whale window winter "
                  + "wizard yoga zebra")
              .split(" "));

  private static final String LINK_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final int users;
  private final SplittableRandom random;

  /**
   * @param users how many authors the tweets come from, {@code gen_1} to {@code gen_<users>}
   */
  TweetGenerator(int users, SplittableRandom random) {
    this.users = users;
    this.random = random;
  }

  static Author author(int n) {
    String username = USERNAME_PREFIX + n;
    return new Author(
        UUID.nameUUIDFromBytes(("flotilla-generated:" + username).getBytes(StandardCharsets.UTF_8))
            .toString(),
        username);
  }

  Generated next() {
    var text = new StringBuilder();
    int words = random.nextInt(5, 16);
    // The longest word (a link) has 28 characters: the text stays within 280.
    for (int i = 0; i < words && text.length() < 250; i++) {
      if (i > 0) {
        text.append(' ');
      }
      int kind = random.nextInt(100);
      if (kind < 6) {
        text.append('@').append(USERNAME_PREFIX).append(random.nextInt(1, users + 1));
      } else if (kind < 12) {
        text.append('#').append(word());
      } else if (kind < 15) {
        text.append("https://example.com/");
        for (int c = 0; c < 8; c++) {
          text.append(LINK_CHARACTERS.charAt(random.nextInt(LINK_CHARACTERS.length())));
        }
      } else {
        text.append(word());
      }
    }
    Integer tag = random.nextInt(10) == 0 ? random.nextInt(1, 10) : null;
    return new Generated(
        author(random.nextInt(1, users + 1)),
        new Draft(text.toString(), tag, random.nextInt(20) == 0));
  }

  private String word() {
    return WORDS.get(random.nextInt(WORDS.size()));
  }
}
