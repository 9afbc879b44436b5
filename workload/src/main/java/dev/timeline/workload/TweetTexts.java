package dev.timeline.workload;

import java.util.random.RandomGenerator;

/**
 * Makes tweet texts of realistic lengths: about 40 code points at the median, a long tail up to the
 * 280 limit, words in several scripts, accents and emoji (some outside the Basic Multilingual Plane).
 */
public final class TweetTexts
{
    /** Longest text made, in code points: the engine's limit. */
    public static final int MAX_CODE_POINTS = 280;

    private static final double MEDIAN_CODE_POINTS = 40;
    private static final double LENGTH_SIGMA = 0.8;

    private static final String[] WORDS =
    {
        "the", "a", "timeline", "home", "just", "posted", "reading", "coffee", "today", "is", "of", "and",
        "to", "what", "a", "great", "day", "with", "friends", "new", "release", "shipped", "latency",
        "throughput", "follow", "me", "thread", "1/7", "lol", "ok", "why", "does", "this", "work",
        "#ddia", "#java", "@kleppmann", "@someone", "https://example.org/p/42",
        "café", "naïve", "über", "mañana", "façade", "Zürich", "São", "Paulo",
        "東京", "こんにちは", "ありがとう", "你好", "世界", "안녕하세요",
        "привет", "мир", "Ελλάδα", "καλημέρα", "مرحبا", "שלום", "नमस्ते",
        "🎉", "🚀", "😂", "❤️", "👍🏽", "🔥", "👩‍💻", "🇧🇷", "✨", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
    };
    private static final int[] WORD_CODE_POINTS = new int[WORDS.length];

    static
    {
        for (int i = 0; i < WORDS.length; i++)
        {
            WORD_CODE_POINTS[i] = WORDS[i].codePointCount(0, WORDS[i].length());
        }
    }

    private TweetTexts()
    {
    }

    /**
     * Replaces the contents of {@code text} with a new tweet text of 1 to {@link #MAX_CODE_POINTS} code points.
     *
     * @return the number of code points written.
     */
    public static int next(final RandomGenerator random, final StringBuilder text)
    {
        text.setLength(0);
        final int target = length(random);
        int codePoints = 0;
        while (true)
        {
            final int word = random.nextInt(WORDS.length);
            final int separator = codePoints == 0 ? 0 : 1;
            if (codePoints + separator + WORD_CODE_POINTS[word] > target)
            {
                if (codePoints == 0)
                {
                    final String first = WORDS[word];
                    text.append(first, 0, first.offsetByCodePoints(0, target));
                    codePoints = target;
                }
                return codePoints;
            }
            if (separator != 0)
            {
                text.append(' ');
            }
            text.append(WORDS[word]);
            codePoints += separator + WORD_CODE_POINTS[word];
        }
    }

    private static int length(final RandomGenerator random)
    {
        final double logNormal = MEDIAN_CODE_POINTS * Math.exp(LENGTH_SIGMA * random.nextGaussian());
        return (int)Math.max(1, Math.min(MAX_CODE_POINTS, Math.round(logNormal)));
    }
}
