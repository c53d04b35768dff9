import { citedQuotes } from './feedback-text.js';
import { groundFeedback } from './openai-feedback.js';

describe(groundFeedback.name, () => {
  const answer = 'We shard the   time-series store by tenant, because one noisy team must not slow the others.\nLogs go to S3 after a week.';

  it('writes each strength and improvement around the candidate’s exact words', () => {
    const sut = groundFeedback(
      {
        strengths: [
          {
            quote: 'We shard the time-series store by tenant',
            why: 'isolating tenants is what keeps the pipeline usable during one team’s incident',
          },
        ],
        improvements: [
          {
            quote: '“Logs go to S3 after a week.”',
            gap: 'You did not say how logs stay searchable once they are in S3',
            stronger: 'A strong answer names the query path for cold data and its latency.',
          },
        ],
        nextToStudy: [' Tiered storage for logs. ', ''],
      },
      [answer],
    );
    expect(sut.invented).toEqual([]);
    expect(sut.feedback).toEqual({
      strengths: [
        '“We shard the   time-series store by tenant”: isolating tenants is what keeps the pipeline usable during one team’s incident.'.replace(
          '   ',
          ' ',
        ),
      ],
      improvements: [
        '“Logs go to S3 after a week.”: You did not say how logs stay searchable once they are in S3. A strong answer names the query path for cold data and its latency.',
      ],
      nextToStudy: ['Tiered storage for logs.'],
    });
    for (const line of [...sut.feedback.strengths, ...sut.feedback.improvements]) {
      for (const quote of citedQuotes(line)) expect(answer.replace(/\s+/g, ' ')).toContain(quote);
    }
  });

  it('reports an invented quote, drops the strength that stood on it and keeps the advice of an improvement', () => {
    const sut = groundFeedback(
      {
        strengths: [{ quote: 'We use ClickHouse for logs', why: 'a columnar store is cheap to scan' }],
        improvements: [{ quote: 'we replicate to three regions', gap: 'Replication is not sized', stronger: 'Say what it costs' }],
        nextToStudy: [],
      },
      [answer],
    );
    expect(sut.feedback.strengths).toEqual([]);
    expect(sut.feedback.improvements).toEqual(['Replication is not sized. Say what it costs.']);
    expect(sut.invented).toEqual([
      expect.stringMatching(/^feedback\.strengths\[0\]\.quote: the quote "We use ClickHouse for logs" is not an exact excerpt/),
      expect.stringMatching(/^feedback\.improvements\[0\]\.quote: the quote "we replicate to three regions"/),
    ]);
  });
});
