import { describe, expect, it } from 'vitest'
import { writeValeProject } from './write-project.js'

const rule = (name: string, body: string) => ({ [`styles/Grammar/${name}.yml`]: `extends: sequence\n${body}` })
const p = writeValeProject({
  '.vale.ini': 'StylesPath = styles\n\n[*.md]\nBasedOnStyles = Grammar\n',
  // LanguageTool's rules as Vale's own test style writes them.
  ...rule('BeToVerb', "message: \"The infinitive '%[4]s' after 'be' needs 'to': '%[2]s %[3]s *to* %[4]s'?\"\ntokens:\n  - tag: MD\n  - pattern: be\n  - tag: JJ\n  - tag: VB|VBN\n"),
  ...rule('AllTimes', "message: \"Use 'of all time'.\"\ntokens:\n  - tag: JJS\n    skip: 3\n  - pattern: of\n  - pattern: all\n  - pattern: times\n"),
  ...rule('PluralData', "message: Use data as a plural noun.\nignorecase: true\ntokens:\n  - tag: NN\n    pattern: '(?:data|metadata)'\n  - tag: VBZ\n    skip: 4\n"),
  ...rule('Apostrophe', "message: Did you mean \"%[1]ss\" instead of \"%[1]s's\"?\ntokens:\n  - tag: NN\n  - pattern: \"'s\"\n  - pattern: are\naction:\n  name: edit\n  params:\n    - regex\n    - \"'\"\n    - \"\"\n"),
})

describe('Vale sequence rules with part-of-speech tags', () => {
  it('loads them', () => {
    p.lint('x\n')
    expect(p.problems).toEqual([])
  })

  it('matches tags and patterns around the anchor, within skip, and reports from the first token', () => {
    expect(p.lint('It would be great write a story.\n')).toEqual(["post.md:1:4:Grammar.BeToVerb:The infinitive 'write' after 'be' needs 'to': 'be great *to* write'?"])
    expect(p.lint('He is the greatest basketball player of all times.\n')).toEqual(["post.md:1:11:Grammar.AllTimes:Use 'of all time'."])
    // Four tokens may stand between the noun and the verb, not five.
    expect(p.lint('Metadata for this one purpose is valid.\n\nMetadata for this one two purpose is valid.\n')).toEqual(['post.md:1:1:Grammar.PluralData:Use data as a plural noun.'])
  })

  it('leaves sentences whose words have other parts of speech', () => {
    expect(p.lint('It would be great to write a story. The API endpoints are available. We store data for you.\n')).toEqual([])
  })

  it("turns an edit action into a suggestion on the whole sequence: endpoint's are -> endpoints are", () => {
    const [finding] = p.findings('The endpoint\'s are available.\n')
    expect(finding?.message).toBe('Did you mean "endpoints" instead of "endpoint\'s"?')
    expect(finding?.fix?.text).toBe('The endpoints are available.')
  })
})
