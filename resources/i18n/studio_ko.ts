<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>Autosave</name>
    <message>
      <source>Undo %s</source>
      <translation>%s 실행 취소</translation>
    </message>
    <message>
      <source>Autosave failed: %s</source>
      <translation>자동 저장 실패: %s</translation>
    </message>
    <message>
      <source>Restored from a recovery copy</source>
      <translation>복구 사본에서 복원됨</translation>
    </message>
  </context>
  <context>
    <name>CommandPalette</name>
    <message>
      <source>Add %1 “%2”</source>
      <translation>%1 “%2” 추가</translation>
    </message>
    <message>
      <source>Type a command, or a kind and a name: db Orders, svc Payments</source>
      <translation>명령을 입력하거나, 종류와 이름을 입력하세요: db Orders, svc Payments</translation>
    </message>
  </context>
  <context>
    <name>Desktop</name>
    <message>
      <source>Recover Unsaved Designs...</source>
      <translation>저장되지 않은 디자인 복구...</translation>
    </message>
    <message>
      <source>&amp;Preferences...</source>
      <translation>환경설정(&amp;P)...</translation>
    </message>
    <message>
      <source>&amp;Command Palette...</source>
      <translation>명령 팔레트(&amp;C)...</translation>
    </message>
    <message>
      <source>&amp;Workshop Mode</source>
      <translation>워크숍 모드(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts</source>
      <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>키보드 단축키</translation>
    </message>
    <message>
      <source>Find any command, or add a component by typing: db Orders</source>
      <translation>명령을 찾거나, 입력해서 구성 요소를 추가합니다: db Orders</translation>
    </message>
    <message>
      <source>Settings reset</source>
      <translation>설정 초기화</translation>
    </message>
    <message>
      <source>Some settings could not be used:</source>
      <translation>일부 설정을 사용할 수 없습니다:</translation>
    </message>
  </context>
  <context>
    <name>Kinds</name>
    <message>
      <source>Client</source>
      <translation>클라이언트</translation>
    </message>
    <message>
      <source>CDN</source>
      <translation>CDN</translation>
    </message>
    <message>
      <source>Load balancer</source>
      <translation>로드 밸런서</translation>
    </message>
    <message>
      <source>API gateway</source>
      <translation>API 게이트웨이</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>서비스</translation>
    </message>
    <message>
      <source>Worker</source>
      <translation>워커</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>데이터베이스</translation>
    </message>
    <message>
      <source>Cache</source>
      <translation>캐시</translation>
    </message>
    <message>
      <source>Queue</source>
      <translation>큐</translation>
    </message>
    <message>
      <source>Object storage</source>
      <translation>객체 스토리지</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>검색</translation>
    </message>
    <message>
      <source>External system</source>
      <translation>외부 시스템</translation>
    </message>
  </context>
  <context>
    <name>Languages</name>
    <message>
      <source>Follow the system</source>
      <translation>시스템 설정 따르기</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <source>Preferences</source>
      <translation>환경설정</translation>
    </message>
    <message>
      <source>Appearance</source>
      <translation>모양</translation>
    </message>
    <message>
      <source>&amp;Theme:</source>
      <translation>테마(&amp;T):</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>언어(&amp;L):</translation>
    </message>
    <message>
      <source>&amp;Workshop text size:</source>
      <translation>워크숍 글자 크기(&amp;W):</translation>
    </message>
    <message>
      <source>Editing</source>
      <translation>편집</translation>
    </message>
    <message>
      <source>&amp;Grid size:</source>
      <translation>격자 크기(&amp;G):</translation>
    </message>
    <message>
      <source>Show the grid</source>
      <translation>격자 표시</translation>
    </message>
    <message>
      <source>Snap to the grid</source>
      <translation>격자에 맞춤</translation>
    </message>
    <message>
      <source>New designs &amp;start from:</source>
      <translation>새 디자인 시작 템플릿(&amp;S):</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>파일</translation>
    </message>
    <message>
      <source> s</source>
      <translation> 초</translation>
    </message>
    <message>
      <source>&amp;Autosave every:</source>
      <translation>자동 저장 간격(&amp;A):</translation>
    </message>
    <message>
      <source>Beside the design file</source>
      <translation>디자인 파일과 같은 폴더</translation>
    </message>
    <message>
      <source>&amp;Browse...</source>
      <translation>찾아보기(&amp;B)...</translation>
    </message>
    <message>
      <source>&amp;Export to:</source>
      <translation>내보낼 폴더(&amp;E):</translation>
    </message>
    <message>
      <source>Default export folder</source>
      <translation>기본 내보내기 폴더</translation>
    </message>
    <message>
      <source>The export folder %s does not exist.</source>
      <translation>내보내기 폴더 %s이(가) 없습니다.</translation>
    </message>
    <message>
      <source>The new language is used from the next start of the studio.</source>
      <translation>새 언어는 스튜디오를 다시 시작하면 적용됩니다.</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message>
      <source>never saved</source>
      <translation>저장한 적 없음</translation>
    </message>
    <message>
      <source>just now</source>
      <translation>방금</translation>
    </message>
    <message>
      <source>%n minute(s) ago</source>
      <translation>%n분 전</translation>
    </message>
    <message>
      <source>Untitled design</source>
      <translation>제목 없는 디자인</translation>
    </message>
    <message>
      <source>Recover unsaved designs</source>
      <translation>저장되지 않은 디자인 복구</translation>
    </message>
    <message>
      <source>The studio did not close cleanly last time. These designs have changes that were not saved. Restore one to keep working on it, or discard it.</source>
      <translation>지난번에 스튜디오가 정상적으로 종료되지 않았습니다. 아래 디자인에 저장되지 않은 변경 내용이 있습니다. 복원해서 계속 작업하거나 버리세요.</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>복원(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>버리기(&amp;D)</translation>
    </message>
    <message>
      <source>Decide &amp;later</source>
      <translation>나중에 결정(&amp;L)</translation>
    </message>
    <message>
      <source>Discard recovered changes</source>
      <translation>복구된 변경 내용 버리기</translation>
    </message>
    <message>
      <source>Discard the unsaved changes to %s? This cannot be undone.</source>
      <translation>%s의 저장되지 않은 변경 내용을 버릴까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
      <source>A recovery file could not be read: %s</source>
      <translation>복구 파일을 읽을 수 없습니다: %s</translation>
    </message>
    <message>
      <source>There are no unsaved designs to recover.</source>
      <translation>복구할 저장되지 않은 디자인이 없습니다.</translation>
    </message>
    <message>
      <source>Cannot restore design</source>
      <translation>디자인을 복원할 수 없습니다</translation>
    </message>
    <message>
      <source>Restored unsaved changes from %s</source>
      <translation>%s에 저장된 변경 내용을 복원했습니다</translation>
    </message>
  </context>
  <context>
    <name>ShortcutReference</name>
    <message>
      <source>Window</source>
      <translation>창</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>키보드 단축키</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>필터</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>동작</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>단축키</translation>
    </message>
  </context>
  <context>
    <name>Themes</name>
    <message>
      <source>Follow the system</source>
      <translation>시스템 설정 따르기</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>밝게</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>어둡게</translation>
    </message>
    <message>
      <source>High contrast (projectors)</source>
      <translation>고대비 (프로젝터용)</translation>
    </message>
  </context>
</TS>
