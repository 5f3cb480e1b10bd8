/** The trends stage: windowed counts over news.enriched and the queries over them. */
package io.newsflow.trends;
