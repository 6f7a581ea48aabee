import { describe, expect, it } from 'vitest'
import { writeValeProject } from './write-project.js'

describe('Vale occurrence rules', () => {
  const p = writeValeProject({
    '.vale.ini': 'StylesPath = styles\n\n[*.md]\nTitles.Length = YES\n',
    'styles/Titles/Length.yml': 'extends: occurrence\nmessage: "Titles should use fewer than 30 characters."\nscope: heading\nmax: 30\ntoken: .\n',
  })

  it('counts the text of inline code, as Vale does, and reports on the first character outside code', () => {
    // 21 characters of code and 11 of prose: 32 characters of title (without the code, 11).
    expect(p.lint('## `repository is updated`, but fails\n\n## Short `code` title\n')).toEqual(['post.md:1:27:Titles.Length:Titles should use fewer than 30 characters.'])
  })

  it('counts prose the same without code', () => {
    expect(p.lint('## The repository is updated but it fails\n')).toEqual(['post.md:1:4:Titles.Length:Titles should use fewer than 30 characters.'])
  })
})

describe('Vale positions of a match that crosses inline markup', () => {
  const p = writeValeProject({
    '.vale.ini': 'StylesPath = styles\n\n[*.md]\nMarkup.Repetition = YES\n',
    'styles/Markup/Repetition.yml': "extends: repetition\nmessage: '\"%s\" is repeated.'\nalpha: true\ntokens:\n  - '[^\\s]+'\n",
  })

  it('is reported at column 1 of the line holding its sentence, as Vale does when the text is not in the file', () => {
    const post = 'The first line stays.\nThey were [added to the API in](https://example.com/api) in GitLab 10.3 EE.\n'
    expect(p.lint(post)).toEqual(['post.md:2:1:Markup.Repetition:"in" is repeated.'])
  })

  it('is reported where it matched when the file holds its text', () => {
    expect(p.lint('The first line stays.\nThey were added to the API in in GitLab.\n')).toEqual(['post.md:2:28:Markup.Repetition:"in" is repeated.'])
  })
})
