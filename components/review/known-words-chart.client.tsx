'use client';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDayKey, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';

/** Known words over the last days (recharts); the same figures as a table for screen readers and print. */
export function KnownWordsChart({ series, locale }: { series: { day: string; known: number }[]; locale: Locale }) {
  const { t } = useTranslation('review');
  const data = series.map((point) => ({ ...point, label: formatDayKey(locale, point.day) }));
  return (
    <figure className="chart" data-testid="known-chart">
      <figcaption>{t('dashboard.knownOverTime')}</figcaption>
      <div aria-hidden="true" className="chart__plot">
        <ResponsiveContainer width="100%" height={240}>
          <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#ddd8cc" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={24} />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              width={44}
              tickFormatter={(value: number) => formatNumber(locale, value)}
            />
            <Tooltip formatter={(value) => [formatNumber(locale, Number(value)), t('dashboard.knownWords')]} />
            <Area type="monotone" dataKey="known" stroke="#1f4e8c" fill="#cfe0f5" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__data">
        <summary>{t('dashboard.showData')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.day')}</th>
              <th scope="col">{t('dashboard.knownWords')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.day}>
                <td>{point.label}</td>
                <td>{formatNumber(locale, point.known)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
